// Reading a print PDF page into articles with zones: the text layer's lines with their boxes →
// columns and blocks → articles, each with the rectangles of its module on the page. Two readers
// of one model: this one and the page-text parser (lib/parser) both produce ParsedPiece.
import type { ParsedPiece } from "../parser/types";
import { PdfReadError } from "./errors";
import { readPage } from "./page";
import { readRawPages, type Trim } from "./poppler";

export { PdfReadError } from "./errors";
export type { Trim } from "./poppler";

export type Zone = { x: number; y: number; w: number; h: number }; // page fractions, origin top-left
export type PdfLine = { text: string; x: number; y: number; w: number; h: number; size: number }; // fractions; size in pt
/** doubts: plain Chinese notes for the editor, e.g. "无标题", "文字在所有区域之外". */
export type PdfPiece = Omit<ParsedPiece, "doubts"> & { zones: Zone[]; captions: string[]; doubts: string[] };
export type PdfPageReading = {
  index: number; // 0-based page number in the file
  label: string | null; // from page furniture (第03版 → "3", A03版 → "A3"), null when none
  section: string | null; // 版名 when found (要闻, 城事 …)
  width: number; height: number; // page size in points
  textLayer: "ok" | "none" | "garbage";
  pieces: PdfPiece[]; // reading order; empty when textLayer !== "ok"
  lines: PdfLine[]; // every text line with its box (for ALTO and search hits on the page image)
  /** The trim box the fractions are of, when the PDF has bleed and marks around it (render the same). */
  trim?: Trim | null;
};

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Reads every page of a PDF (a path or its bytes). Throws PdfReadError for a file it cannot read. */
export async function readPdf(input: string | Uint8Array, opts: { maxBytes?: number } = {}): Promise<PdfPageReading[]> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  if (typeof input === "string") {
    const { stat, readFile } = await import("node:fs/promises");
    const st = await stat(input).catch(() => null);
    if (!st?.isFile()) throw new PdfReadError("corrupt", "找不到该 PDF 文件");
    if (st.size > maxBytes) throw tooLarge(maxBytes);
    bytes = new Uint8Array(await readFile(input));
  } else bytes = input;
  if (bytes.length === 0) throw new PdfReadError("empty", "文件是空的（0 字节）");
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) throw new PdfReadError("not_pdf", "这不是 PDF 文件");
  const raw = await readRawPages(bytes);
  return raw.map(readPage);
}

function tooLarge(max: number): PdfReadError {
  return new PdfReadError("too_large", `PDF 超过大小上限（${Math.round(max / 1024 / 1024)} MB）`);
}
