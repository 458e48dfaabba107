// Prints the demo's PDF issue (db/seed/pdf-issue-layout.ts) with Chromium as a layout program
// would export it, then imports those PDFs the way the newsroom does (read, render) and writes
// what the seed needs, so `npm start` seeds an issue imported from PDFs without running poppler:
//   public/demo/linlan-2026-11-23-N.pdf   the page PDFs (also the browser test's fixture)
//   public/demo/linlan-2026-11-23-N.webp  the page images, rendered from those PDFs
//   db/seed/pdf-issue-2026-11-23.json     each page's reading: pieces with zones, lines
// Run: npx tsx scripts/make-demo-pdfs.ts  (needs Chromium, fonts-noto-cjk and poppler-utils)
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { PDF_ISSUE, PDF_PAGES } from "../db/seed/pdf-issue-layout";
import { readPdf } from "../lib/pdf/index";
import { renderPdfPage } from "../lib/pdf-render";
import { printPages } from "./print-pages";

const out = join(process.cwd(), "public", "demo");
mkdirSync(out, { recursive: true });
const pdfs = await printPages(PDF_PAGES);
const pages = [];
for (const [i, page] of PDF_PAGES.entries()) {
  const pdf = pdfs[i];
  const name = `linlan-${PDF_ISSUE.date}-${page.label}`;
  writeFileSync(join(out, `${name}.pdf`), pdf);
  const [reading] = await readPdf(pdf);
  const raw = await renderPdfPage(pdf, 1);
  // The demo ships a smaller image than an import makes: zones are fractions, so they still fit.
  const img = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } })
    .resize({ width: 1400 }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
  writeFileSync(join(out, `${name}.webp`), img.data);
  pages.push({
    label: page.label, section: page.section, textLayer: reading.textLayer,
    image: { path: `/demo/${name}.webp`, width: img.info.width, height: img.info.height }, pdfPath: `/demo/${name}.pdf`,
    pieces: reading.pieces, lines: reading.lines,
  });
  console.log(`${name}: ${pdf.length} bytes, ${reading.pieces.length} pieces, ${reading.lines.length} lines`);
}
writeFileSync(join(process.cwd(), "db", "seed", `pdf-issue-${PDF_ISSUE.date}.json`), JSON.stringify({ pages }, (_, v) =>
  typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1e5) / 1e5 : v) + "\n");
