// The demo issue that came as print PDFs: what scripts/make-demo-pdfs.ts read from them (pieces
// with their zones, lines with their boxes), imported as an import of those PDFs would be, with
// page images rendered from the same PDFs and the PDFs themselves (下载本版, 下载全部版面).
import type { IssueInput, PageInput } from "../../lib/import-types";
import type { PdfPageReading, PdfPiece } from "../../lib/pdf/index";
import { importableReading, pageDoubts } from "../../lib/pdf-doubts";
import { PDF_ISSUE } from "./pdf-issue-layout";
import data from "./pdf-issue-2026-11-23.json";

type SeedPage = Pick<PdfPageReading, "textLayer" | "lines"> & {
  label: string; section: string; image: { path: string; width: number; height: number }; pdfPath: string; pieces: PdfPiece[];
};

const page = (p: SeedPage): PageInput => {
  const raw = { ...p, index: 0, width: 990, height: 1410, section: p.section } as PdfPageReading;
  const pieces = importableReading(raw).reading.pieces.map(({ captions: _c, doubts: _d, ...piece }) => piece);
  return {
    label: p.label, section: p.section, image: p.image, pdfPath: p.pdfPath, lines: p.lines, pieces, keepEdits: true,
    report: { source: "pdf", textLayer: p.textLayer, pieces: pieces.length, doubts: pageDoubts(raw) },
  };
};

export const pdfIssue: IssueInput = {
  paper: { slug: "linlan", name: "临澜日报", motto: "临澜市委机关报" },
  date: PDF_ISSUE.date,
  number: PDF_ISSUE.number,
  publish: true,
  pages: (data.pages as unknown as SeedPage[]).map(page),
};
