// From an issue's print PDFs to pages ready to import: each file read (lib/pdf), cut into page
// PDFs, each page rendered to its image from the same PDF (so the reader's zones match it
// exactly), labelled, and checked for what the importer is unsure of. No database here: the
// caller imports the pages (db/queries/imports.ts), which links the jumps.
import { basename } from "node:path";
import { normalizeLabel } from "./labels";
import { PdfReadError, readPdf, type PdfPageReading } from "./pdf";
import { PdfRenderError, renderPdfPage, splitPdfPages, type RawImage } from "./pdf-render";
import { importableReading, pageDoubts } from "./pdf-doubts";
import type { PageInput } from "./import-types";

import { MAX_PDF_BYTES, storePagePdf, storeRenderedPage } from "./uploads";

export { MAX_PDF_BYTES };
export const MAX_PDF_LABEL = `${MAX_PDF_BYTES / 1024 / 1024} MB`;

/** One file of a drop or a command line: its name, the label it was given (if any), its bytes. */
export type PdfFile = { name: string; label?: string | null; bytes: Uint8Array };

/** One page of a PDF, read, with its own PDF and its rendered image. */
export type ReadPage = {
  file: string; index: number; reading: PdfPageReading; pdf: Uint8Array; label: string | null;
};

export type PageStage = "read" | "render" | "link";

/** A file that could not be used; `message` says why, in words fit for the editor. */
export class PdfFileError extends Error {
  constructor(public file: string, public code: PdfReadError["code"] | "render", message: string) {
    super(`${file}：${message}`);
  }
}

/** The label a file's name gives (01.pdf, A03.pdf, 第3版.pdf), or null (issue.pdf). */
export function labelFromFileName(name: string): string | null {
  // p1.pdf, page-01.pdf: "p" is the file's word for page, not a section letter.
  return normalizeLabel(basename(name).replace(/\.pdf$/i, "").replace(/^(?:p|pg|page)[-_ ]?(?=\d)/i, ""));
}

/** Reads one file into its pages; a bad file throws PdfFileError and yields nothing. */
export async function readPdfFile(file: PdfFile): Promise<ReadPage[]> {
  const { name, bytes } = file;
  if (bytes.length === 0) throw new PdfFileError(name, "empty", "文件是空的");
  if (bytes.length > MAX_PDF_BYTES) throw new PdfFileError(name, "too_large", `文件过大（PDF 上限 ${MAX_PDF_LABEL}）`);
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") throw new PdfFileError(name, "not_pdf", "不是 PDF 文件");
  let readings: PdfPageReading[];
  try {
    readings = await readPdf(bytes, { maxBytes: MAX_PDF_BYTES });
  } catch (e) {
    if (e instanceof PdfReadError) throw new PdfFileError(name, e.code, e.code === "too_large" ? `文件过大（PDF 上限 ${MAX_PDF_LABEL}）` : e.message);
    throw e;
  }
  let pdfs: Uint8Array[];
  try {
    pdfs = await splitPdfPages(bytes, readings.length);
  } catch (e) {
    if (e instanceof PdfRenderError) throw new PdfFileError(name, "render", e.message);
    throw e;
  }
  // A one-page file is labelled by its name first (the desk names files by page), then by its furniture.
  const named = readings.length === 1 ? (file.label ?? labelFromFileName(name)) : null;
  return readings.map((reading, k) => ({ file: name, index: k, reading, pdf: pdfs[k], label: named ?? reading.label }));
}

/** Labels the pages still without one by order: the first free number after the page before. */
export function labelByOrder(pages: { label: string | null }[], taken: Iterable<string> = []): string[] {
  const used = new Set([...taken, ...pages.map((p) => p.label).filter((l): l is string => !!l)]);
  let last = 0;
  return pages.map((p) => {
    if (p.label) {
      const n = /^(\d+)$/.exec(p.label);
      if (n) last = Number(n[1]);
      return p.label;
    }
    let n = last + 1;
    while (used.has(String(n))) n++;
    used.add(String(n));
    last = n;
    return String(n);
  });
}

export type RenderedImage = { path: string; width: number; height: number };

/**
 * Builds the import of one page: its image rendered (and stored by `storeImage`), its PDF stored
 * by `storePdf`, its pieces with their zones, its lines and what to check. A page without a usable
 * text layer comes with its image only, and says so.
 */
export async function preparePdfPage(
  page: ReadPage & { label: string },
  store: { image: (png: RawImage) => Promise<RenderedImage>; pdf: (pdf: Uint8Array) => Promise<string> },
  onStage: (stage: PageStage) => void = () => {},
): Promise<PageInput> {
  onStage("render");
  let png: RawImage;
  try {
    // The same part of the page the reading's fractions are of: the trim box when it has bleed.
    png = await renderPdfPage(page.pdf, 1, page.reading.trim);
  } catch (e) {
    if (e instanceof PdfRenderError) throw new PdfFileError(page.file, "render", e.message);
    throw e;
  }
  const image = await store.image(png);
  const pdfPath = await store.pdf(page.pdf);
  const r = importableReading(page.reading).reading;
  const usable = r.textLayer === "ok";
  const pieces = usable ? r.pieces.map(({ captions: _c, doubts: _d, ...p }) => p) : [];
  return {
    label: page.label, section: r.section ?? undefined, image, pdfPath, keepEdits: true,
    // Garbage never reaches the database, not even as lines.
    lines: usable ? r.lines.map((l) => ({ text: l.text, x: l.x, y: l.y, w: l.w, h: l.h, size: l.size })) : [],
    pieces,
    report: { source: "pdf", textLayer: r.textLayer, pieces: pieces.length, doubts: pageDoubts(page.reading) },
  };
}

export type PreparedPage = { file: string; index: number; input: PageInput };
export type Progress = (event: { file: string; index: number; label: string | null; stage: PageStage | "done" }) => void;

/**
 * Reads, labels, renders and stores every page of some PDF files. Files are read two at a time;
 * pages are rendered and encoded one at a time: a rendered page is about 23 MB of pixels and its
 * WebP encoding as much again, so two at once cost the server 80 MB more at the peak (bench: 422
 * against 340 MB for 16 pages) to save 3 s of an 11 s import, and left readers no idle core.
 * A bad file is reported in `failed` and contributes no page; the others go on.
 * `taken`: labels already given (text pages of the same import), `start`: the number a page
 * labelled by order may start from.
 */
export async function preparePdfFiles(
  files: PdfFile[], opts: { taken?: string[]; start?: number; onProgress?: Progress } = {},
): Promise<{ pages: PreparedPage[]; failed: PdfFileError[] }> {
  const failed: PdfFileError[] = [];
  const byFile: ReadPage[][] = new Array(files.length);
  await pool(files.length, async (k) => {
    const f = files[k];
    opts.onProgress?.({ file: f.name, index: 0, label: null, stage: "read" });
    try {
      byFile[k] = await readPdfFile(f);
    } catch (e) {
      if (!(e instanceof PdfFileError)) throw e;
      failed.push(e);
      byFile[k] = [];
    }
  });
  const read = byFile.flat();
  const seed = opts.start && opts.start > 1 ? [{ label: String(opts.start - 1) }] : [];
  const labels = labelByOrder([...seed, ...read], opts.taken).slice(seed.length);
  const pages: PreparedPage[] = new Array(read.length);
  const bad = new Set<string>();
  await pool(read.length, async (k) => {
    const page = { ...read[k], label: labels[k] };
    const progress = (stage: PageStage | "done") => opts.onProgress?.({ file: page.file, index: page.index, label: page.label, stage });
    try {
      const input = await preparePdfPage(page, { image: storeRenderedPage, pdf: storePagePdf }, progress);
      pages[k] = { file: page.file, index: page.index, input };
    } catch (e) {
      if (!(e instanceof PdfFileError)) throw e;
      if (!bad.has(e.file)) failed.push(e);
      bad.add(e.file);
    }
  }, 1);
  // A file is whole or nothing: one page that fails to render drops the file's other pages too.
  return { pages: pages.filter((p) => p && !bad.has(p.file)), failed };
}

/** Runs job(0 … n-1), `width` at a time (each tool is a process of its own). */
async function pool(n: number, job: (k: number) => Promise<void>, width = 2) {
  let next = 0;
  const worker = async () => { for (let k = next++; k < n; k = next++) await job(k); };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
}
