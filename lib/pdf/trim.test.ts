// A print PDF as a layout system exports it for the press: the media box larger than the page by
// the bleed, crop marks at the corners and a slug line (file name, time, plates) outside the trim.
// Read and rendered, it must give the same page as the same PDF without them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderPdfPage } from "../pdf-render";
import { readPdf } from "./index";
import { parseTrims } from "./poppler";

const source = join(import.meta.dirname, "fixtures", "reportlab-1", "p1.pdf");
const dir = mkdtempSync(join(tmpdir(), "banmian-trim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same page with 36 pt of bleed and marks round it (qpdf's editable form, then fix-qdf). */
function withBleed(): string {
  const qdf = join(dir, "q.pdf");
  execFileSync("qpdf", ["--qdf", "--object-streams=disable", source, qdf]);
  let s = readFileSync(qdf).toString("latin1");
  const media = /\/MediaBox \[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(s);
  if (!media) throw new Error("fixture without a plain media box");
  const [w, h] = [Number(media[1]), Number(media[2])];
  s = s.replace(media[0], `/MediaBox [ -36 -36 ${w + 36} ${h + 36} ] /TrimBox [ 0 0 ${w} ${h} ] /BleedBox [ -9 -9 ${w + 9} ${h + 9} ]`);
  let marks = "\nq 0 G .25 w\n";
  for (const [x, y] of [[0, 0], [w, 0], [0, h], [w, h]]) {
    const out = x === 0 ? -1 : 1, up = y === 0 ? -1 : 1;
    marks += `${x} ${y + 12 * up} m ${x} ${y + 32 * up} l S ${x + 12 * out} ${y} m ${x + 32 * out} ${y} l S\n`;
  }
  marks += "Q\nBT /F1 7 Tf -30 -28 Td (A01.indd  2026-11-30  23:14:07  Plate K) Tj ET\n";
  const end = s.indexOf("endstream");
  s = s.slice(0, end) + marks + s.slice(end);
  writeFileSync(join(dir, "b.pdf"), Buffer.from(s, "latin1"));
  const fixed = execFileSync("fix-qdf", [join(dir, "b.pdf")]);
  writeFileSync(join(dir, "bleed.pdf"), fixed);
  return join(dir, "bleed.pdf");
}

describe("pages with bleed, crop marks and a slug", () => {
  it("reads the trim box from pdfinfo, and ignores boxes it cannot use", () => {
    const info = (crop: string, trim: string, rot = 0) => `Page    1 size:  914 x 1263 pts\nPage    1 rot:   ${rot}\nPage    1 CropBox:  ${crop}\nPage    1 TrimBox:  ${trim}\n`;
    expect(parseTrims(info("-36.00 -36.00 878.00 1227.00", "0.00 0.00 842.00 1191.00"), 1)).toEqual([{ x: 36, y: 36, w: 842, h: 1191 }]);
    expect(parseTrims(info("0 0 842 1191", "0 0 842 1191"), 1)).toEqual([null]);
    expect(parseTrims(info("-36 -36 878 1227", "0 0 842 1191", 90), 1)).toEqual([null]);
    expect(parseTrims(info("0 0 842 1191", "0 0 10 10"), 1)).toEqual([null]);
    expect(parseTrims("", 2)).toEqual([null, null]);
  });

  it("gives the same stories and zones as the page without bleed, and leaves the slug out", async () => {
    const [plain] = await readPdf(source);
    const [bled] = await readPdf(withBleed());
    expect(bled.trim).toEqual({ x: 36, y: 36, w: plain.width, h: plain.height });
    expect([bled.width, bled.height]).toEqual([plain.width, plain.height]);
    expect(bled.pieces.map((p) => p.title)).toEqual(plain.pieces.map((p) => p.title));
    bled.pieces.forEach((p, i) => {
      p.zones.forEach((z, k) => {
        const o = plain.pieces[i].zones[k];
        for (const key of ["x", "y", "w", "h"] as const) expect(Math.abs(z[key] - o[key]), `${p.title} ${key}`).toBeLessThan(0.005);
      });
    });
    expect(bled.lines.some((l) => /indd|Plate/.test(l.text))).toBe(false);
    expect(bled.label).toBe(plain.label);
  });

  it("renders the trim box only, at the usual long side", async () => {
    const [bled] = await readPdf(join(dir, "bleed.pdf"));
    const img = await renderPdfPage(readFileSync(join(dir, "bleed.pdf")), 1, bled.trim);
    const plain = await renderPdfPage(readFileSync(source), 1);
    expect(Math.abs(img.width - plain.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(img.height - plain.height)).toBeLessThanOrEqual(1);
  });
});
