import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, DecodeError } from "./text-decode";

const page = readFileSync(fileURLToPath(new URL("./parser/fixtures/city-daily/p3.txt", import.meta.url)), "utf8");
const english = readFileSync(fileURLToPath(new URL("./parser/fixtures/english/pA1.txt", import.meta.url)), "utf8");
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const refuses = (input: Uint8Array, message: RegExp) => {
  expect(() => decodeText(input)).toThrow(DecodeError);
  expect(() => decodeText(input)).toThrow(message);
};

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeText(Buffer.from(page, "utf8"))).toBe(page);
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], Buffer.from(page, "utf8")))).toBe(page);
  });

  it("reads UTF-16 LE and BE with a BOM", () => {
    expect(decodeText(bytes([0xff, 0xfe], iconv.encode(page, "utf16le")))).toBe(page);
    expect(decodeText(bytes([0xfe, 0xff], iconv.encode(page, "utf16be")))).toBe(page);
  });

  it("recognises UTF-16 without a BOM by its NUL bytes", () => {
    expect(decodeText(iconv.encode(page, "utf16le"))).toBe(page);
    expect(decodeText(iconv.encode(page, "utf16be"))).toBe(page);
    expect(decodeText(iconv.encode(english, "utf16le"))).toBe(english);
    // Full-width punctuation and many 一 (U+4E00, a NUL low byte): more NULs on the "wrong" side.
    const fullWidth = "一一一一，一一一一。\n".repeat(50);
    expect(decodeText(iconv.encode(fullWidth, "utf16le"))).toBe(fullWidth);
    expect(decodeText(iconv.encode(fullWidth, "utf16be"))).toBe(fullWidth);
  });

  it("falls back to GB18030 (and so GBK) when the bytes are not UTF-8", () => {
    const gb = iconv.encode(page, "gb18030");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gb)).toThrow();
    expect(decodeText(gb)).toBe(page);
    expect(decodeText(iconv.encode(page, "gbk"))).toBe(page);
  });

  it("refuses an empty file, or one of only whitespace", () => {
    refuses(new Uint8Array(0), /empty/);
    refuses(Buffer.from(" \n\r\n\t "), /no text/);
  });

  it.each([
    ["PDF", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "latin1"), /PDF/],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /PNG/],
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), /JPEG/],
    ["ZIP", bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), /ZIP/],
  ])("refuses a %s file by its magic bytes", (_, input, message) => refuses(input, message));

  it("refuses binary data: stray NUL bytes or many control characters", () => {
    refuses(bytes(Buffer.from("本报讯 记者获悉"), [0, 0, 0, 1, 2, 3], Buffer.from("更多文字")), /binary/);
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41)));
    refuses(controls, /binary/);
  });

  it("refuses bytes that are neither UTF-8 nor GB18030", () => {
    refuses(bytes([0x41, 0x80, 0x80, 0x80, 0xff, 0xff, 0x42]), /encoding/);
  });

  it("refuses a UTF-16 BOM followed by broken UTF-16", () => {
    refuses(bytes([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), /UTF-16/);
  });
});
