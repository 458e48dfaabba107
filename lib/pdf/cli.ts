// `epaper parse FILE.pdf --page LABEL`: the contract's JSON for one page of a PDF, each article
// with its zones. The page is the one whose furniture carries LABEL, else the file's first page.
import { openSync, readSync, closeSync } from "node:fs";
import { readPdf, type PdfPageReading } from "./index";

/** A .pdf name or a file that opens with %PDF. */
export function isPdfFile(file: string): boolean {
  if (/\.pdf$/i.test(file)) return true;
  try {
    const fd = openSync(file, "r");
    const buf = Buffer.alloc(5);
    readSync(fd, buf, 0, 5, 0);
    closeSync(fd);
    return buf.toString("latin1") === "%PDF-";
  } catch {
    return false;
  }
}

export function pickPage(pages: PdfPageReading[], label: string): PdfPageReading | undefined {
  return pages.find((p) => p.label === label) ?? pages[0];
}

export async function parsePdfFile(file: string, label: string) {
  const page = pickPage(await readPdf(file), label);
  if (page && page.textLayer !== "ok") {
    process.stderr.write(`epaper parse: ${file}: ${page.textLayer === "none" ? "no text layer (a scanned page?)" : "the text layer does not decode to text"}; no articles read\n`);
  }
  return { page: label, articles: page ? toContract(page).articles : [] };
}

/** A page's reading as the contract's JSON articles, each with its zones. */
export function toContract(page: PdfPageReading) {
  return {
    articles: page.pieces.map((p) => ({
      kicker: p.kicker, title: p.title, subtitle: p.subtitle, column: p.column, byline: p.byline,
      paragraphs: p.paragraphs, jumpTo: p.jumpTo, jumpFrom: p.jumpFrom,
      zones: p.zones.map((z) => ({ x: round(z.x), y: round(z.y), w: round(z.w), h: round(z.h) })),
    })),
  };
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;
