import { describe, expect, it } from "vitest";
import { isBadTokenError, logRateLimited } from "./log";

describe("logRateLimited", () => {
  it("writes one short line a minute for a flood of forged cookies", () => {
    const lines: string[] = [];
    const t0 = Date.parse("2026-11-26T12:00:00Z");
    for (let i = 0; i < 12_000; i++) logRateLimited("bad-token-test", "[auth] unreadable session cookie", t0 + i * 5, (s) => lines.push(s));
    expect(lines).toHaveLength(1);
    logRateLimited("bad-token-test", "[auth] unreadable session cookie", t0 + 61_000, (s) => lines.push(s));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/11999 more/);
    expect(lines.every((l) => l.length < 120 && !l.includes("\n"))).toBe(true);
  });

  it("recognises next-auth's token errors", () => {
    expect(isBadTokenError({ name: "JWTSessionError", type: "JWTSessionError" })).toBe(true);
    expect(isBadTokenError({ name: "Error" })).toBe(false);
  });
});
