import { describe, expect, it } from "vitest";
import { CODE_BITS, generateCode, normalizeCode } from "./activation-codes";

describe("activation codes", () => {
  it("carry at least 80 bits in four groups of five symbols", () => {
    expect(CODE_BITS).toBeGreaterThanOrEqual(80);
    expect(generateCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
  });
  it("use every bit of their randomness: different bytes, different codes", () => {
    const a = generateCode(() => Buffer.alloc(13, 0));
    const b = generateCode(() => { const x = Buffer.alloc(13, 0); x[12] = 1; return x; });
    expect(a).not.toBe(b);
    const many = new Set(Array.from({ length: 2000 }, () => generateCode()));
    expect(many.size).toBe(2000);
  });
  it("read back however a reader types them", () => {
    const code = generateCode();
    expect(normalizeCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
    expect(normalizeCode("0000O-11111-iiiii-lllll")).toBe("00000-11111-11111-11111");
  });
  it("refuse what cannot be a code", () => {
    expect(normalizeCode("")).toBeNull();
    expect(normalizeCode("ABCDE-FGHJK-MNPQR-STVW")).toBeNull(); // 19 symbols
    expect(normalizeCode("UUUUU-UUUUU-UUUUU-UUUUU")).toBeNull(); // U is not in the alphabet
    expect(normalizeCode("x".repeat(1000))).toBeNull();
  });
});
