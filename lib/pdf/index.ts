// PLACEHOLDER until the geometry reader lands (it replaces this whole folder): the same API,
// reading lines with poppler's pdftohtml and the text with the text parser, one zone per page.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePage } from "../parser";
import { normalizeLabel } from "../labels";
import type { ParsedPiece } from "../parser/types";

export type Zone = { x: number; y: number; w: number; h: number };
export type PdfLine = { text: string; x: number; y: number; w: number; h: number; size: number };
export type PdfPiece = ParsedPiece & { zones: Zone[]; captions: string[]; doubts: string[] };
export type PdfPageReading = {
  index: number; label: string | null; section: string | null; width: number; height: number;
  textLayer: "ok" | "none" | "garbage"; pieces: PdfPiece[]; lines: PdfLine[];
};
export class PdfReadError extends Error {
  constructor(public code: "empty" | "not_pdf" | "encrypted" | "corrupt" | "too_large" | "tool_missing", message: string) {
    super(message);
  }
}

function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => execFile(cmd, args, { cwd, maxBuffer: 256 << 20, timeout: 60_000 }, (e, out, err) => {
    if (!e) return resolve(out);
    if (/encrypted|password/i.test(String(err))) return reject(new PdfReadError("encrypted", "PDF 已加密，无法读取"));
    reject(new PdfReadError("corrupt", "PDF 无法读取，文件可能已损坏"));
  }));
}

export async function readPdf(input: string | Uint8Array, opts: { maxBytes?: number } = {}): Promise<PdfPageReading[]> {
  const bytes = typeof input === "string" ? new Uint8Array(await (await import("node:fs/promises")).readFile(input)) : input;
  if (bytes.length === 0) throw new PdfReadError("empty", "文件是空的");
  if (bytes.length > (opts.maxBytes ?? 50 << 20)) throw new PdfReadError("too_large", "PDF 过大");
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") throw new PdfReadError("not_pdf", "不是 PDF 文件");
  const dir = await mkdtemp(join(tmpdir(), "banmian-stub-"));
  try {
    await writeFile(join(dir, "in.pdf"), bytes);
    const xml = await run("pdftohtml", ["-xml", "-i", "-q", "-stdout", "in.pdf"], dir);
    const pages: PdfPageReading[] = [];
    for (const m of xml.matchAll(/<page number="(\d+)"[^>]*height="([\d.]+)" width="([\d.]+)">([\s\S]*?)<\/page>/g)) {
      const [W, H] = [Number(m[3]), Number(m[2])];
      const lines: PdfLine[] = [...m[4].matchAll(/<text top="([\d.]+)" left="([\d.]+)" width="([\d.]+)" height="([\d.]+)" font="\d+">([\s\S]*?)<\/text>/g)]
        .map((t) => ({ text: t[5].replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").trim(),
          x: Number(t[2]) / W, y: Number(t[1]) / H, w: Number(t[3]) / W, h: Number(t[4]) / H, size: Number(t[4]) }))
        .filter((l) => l.text);
      const text = lines.map((l) => l.text).join("\n");
      const label = normalizeLabel(/第\s*([A-Z]?\d{1,3})\s*版/.exec(text)?.[1]);
      const ok = text.replace(/\s/g, "").length > 20;
      const box = lines.length ? { x: Math.min(...lines.map((l) => l.x)), y: Math.min(...lines.map((l) => l.y)),
        w: Math.max(...lines.map((l) => l.x + l.w)) - Math.min(...lines.map((l) => l.x)), h: Math.max(...lines.map((l) => l.y + l.h)) - Math.min(...lines.map((l) => l.y)) } : null;
      const pieces = ok ? parsePage(text, label ?? "1").articles.map((a) => ({ ...a, zones: box ? [box] : [], captions: [], doubts: [] })) : [];
      pages.push({ index: Number(m[1]) - 1, label, section: null, width: W, height: H, textLayer: ok ? "ok" : "none", pieces, lines });
    }
    if (pages.length === 0) throw new PdfReadError("corrupt", "PDF 中没有页面");
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
