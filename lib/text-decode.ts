// Turns the bytes of a page-text file into a string, whatever encoding the newsroom system wrote:
// UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or recognised by its NUL bytes) and
// GB18030/GBK. Refuses empty files, binary files and bytes that decode as none of these.
import iconv from "iconv-lite";
import { AppError } from "./errors";

/** Bytes that are not page text; the message says why, for the newsroom (in English, for the CLI). */
export class DecodeError extends AppError {
  constructor(message: string) { super("invalid", message); }
}

const MAGIC: [string, number[]][] = [
  ["a PDF file", [0x25, 0x50, 0x44, 0x46]], // %PDF
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a ZIP archive (or a Word/Excel file)", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["a Word 97-2003 file", [0xd0, 0xcf, 0x11, 0xe0]],
  ["a TIFF image", [0x49, 0x49, 0x2a, 0x00]],
  ["a TIFF image", [0x4d, 0x4d, 0x00, 0x2a]],
  ["a PostScript file", [0x25, 0x21, 0x50, 0x53]], // %!PS
  ["a program file", [0x7f, 0x45, 0x4c, 0x46]], // ELF
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DecodeError("the file is empty");
  for (const [what, magic] of MAGIC) {
    if (startsWith(bytes, magic)) throw new DecodeError(`this is ${what}, not text; export the page as plain text first`);
  }
  let text: string | null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    text = strictDecode("utf-8", bytes.subarray(3));
    if (text === null) throw new DecodeError("the file says it is UTF-8 but holds invalid UTF-8 bytes");
  } else if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new DecodeError("UTF-32 text is not supported; save the file as UTF-8");
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    text = strictDecode(le ? "utf-16le" : "utf-16be", bytes.subarray(2));
    if (text === null) throw new DecodeError(`the file says it is UTF-16 but its bytes are not valid UTF-16`);
  } else if (bytes.includes(0)) {
    text = decodeUtf16WithoutBom(bytes);
    if (text === null) throw new DecodeError("this looks like a binary file, not text (it holds NUL bytes)");
  } else {
    text = strictDecode("utf-8", bytes) ?? decodeGb18030(bytes);
    if (text === null) throw new DecodeError("the file's encoding is not UTF-8, UTF-16 or GB18030 (GBK); save it as UTF-8");
  }
  if (text.replace(/\s+/g, "") === "") throw new DecodeError("the file holds no text");
  if (controlShare(text) > 0.02) throw new DecodeError("this looks like a binary file, not text (too many control characters)");
  return text;
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeGb18030(bytes: Uint8Array): string | null {
  const viaIcu = strictDecode("gb18030", bytes);
  if (viaIcu !== null) return viaIcu;
  if (supportsGb18030()) return null;
  // Node built without full ICU: iconv-lite has no strict mode, so insist on a lossless round trip.
  const text = iconv.decode(Buffer.from(bytes), "gb18030");
  if (text.includes("\uFFFD")) return null;
  return Buffer.from(iconv.encode(text, "gb18030")).equals(Buffer.from(bytes)) ? text : null;
}

let gbSupport: boolean | undefined;
function supportsGb18030(): boolean {
  if (gbSupport === undefined) {
    try {
      new TextDecoder("gb18030");
      gbSupport = true;
    } catch {
      gbSupport = false;
    }
  }
  return gbSupport;
}

/**
 * UTF-16 without a BOM shows as NUL bytes (the high byte of ASCII characters: digits, punctuation,
 * line ends), but never as a NUL pair. Which byte order: decode both ways and keep the one that reads
 * as page text; counting NULs alone misleads, since 一 (U+4E00) and its kin put a NUL on the other side.
 */
function decodeUtf16WithoutBom(bytes: Uint8Array): string | null {
  if (bytes.length % 2 !== 0) return null;
  for (let i = 0; i + 1 < bytes.length; i += 2) if (bytes[i] === 0 && bytes[i + 1] === 0) return null;
  let best: string | null = null;
  let bestShare = 0;
  for (const encoding of ["utf-16le", "utf-16be"]) {
    const text = strictDecode(encoding, bytes);
    const share = text === null ? 0 : textLikeShare(text);
    if (share > bestShare) {
      best = text;
      bestShare = share;
    }
  }
  return bestShare >= 0.95 ? best : null;
}

/** Share of characters that Chinese or English page text is made of. */
function textLikeShare(text: string): number {
  if (!text) return 0;
  let ok = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x4e00 && c <= 0x9fff)
      || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)
      || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xa0 && c <= 0x24f)) ok++;
  }
  return ok / text.length;
}

function controlShare(text: string): number {
  const bad = text.match(/[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g) ?? [];
  return bad.length / text.length;
}
