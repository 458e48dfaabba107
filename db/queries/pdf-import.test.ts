// The PDF import on real files: labels, the awkward files each refused with its reason, and a
// two-page issue read, rendered, imported and re-sent into a real SQLite database.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { labelByOrder, labelFromFileName, preparePdfFiles, readPdfFile, MAX_PDF_BYTES, PdfFileError } from "../../lib/pdf-import";

const dir = mkdtempSync(join(tmpdir(), "banmian-pdfimport-"));
const PAGE1 = readFileSync("public/demo/linlan-2026-11-23-1.pdf");

describe("page labels", () => {
  it("come from file names the way desks name them", () => {
    expect(["01.pdf", "A03.pdf", "第3版.pdf", "p1.pdf", "page-12.PDF", "issue.pdf", "linlan-2026-11-23-1.pdf"].map(labelFromFileName))
      .toEqual(["1", "A3", "3", "1", "12", null, null]);
  });

  it("fall back to the order of the drop, skipping labels already taken", () => {
    expect(labelByOrder([{ label: null }, { label: "3" }, { label: null }, { label: null }], ["2"])).toEqual(["1", "3", "4", "5"]);
  });
});

/** A one-page PDF that only draws (a scanned page has no text layer either). */
function drawingOnlyPdf(): Buffer {
  const content = "0.8 g 50 50 400 600 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 500 700] /Contents 4 0 R /Resources << >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((o, i) => { const at = body.length; body += `${i + 1} 0 obj\n${o}\nendobj\n`; return at; });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

describe("awkward files", () => {
  const refusal = async (name: string, bytes: Uint8Array) => {
    try {
      await readPdfFile({ name, bytes });
    } catch (e) {
      if (e instanceof PdfFileError) return { code: e.code, message: e.message };
      throw e;
    }
    return null;
  };

  it("refuse an empty, a non-PDF, an over-size, a corrupt and an encrypted file, each saying why", async () => {
    const encrypted = join(dir, "enc.pdf");
    execFileSync("qpdf", ["--encrypt", "user-pw", "owner-pw", "256", "--", "public/demo/linlan-2026-11-23-1.pdf", encrypted]);
    const huge = Buffer.alloc(MAX_PDF_BYTES + 1);
    huge.write("%PDF-1.7\n");
    expect(await refusal("0.pdf", new Uint8Array())).toMatchObject({ code: "empty", message: "0.pdf：文件是空的" });
    expect(await refusal("a.pdf", Buffer.from("<html>not a pdf</html>"))).toMatchObject({ code: "not_pdf" });
    expect(await refusal("big.pdf", huge)).toMatchObject({ code: "too_large", message: expect.stringContaining("50 MB") });
    expect(await refusal("cut.pdf", PAGE1.subarray(0, 2000))).toMatchObject({ code: "corrupt" });
    expect(await refusal("enc.pdf", readFileSync(encrypted))).toMatchObject({ code: "encrypted" });
  }, 120_000);
});

describe("a two-page issue from its PDFs", () => {
  beforeAll(() => { process.env.DATABASE_PATH = join(dir, "media-root", "epaper.db"); });

  it("is read, rendered and imported with zones, lines and its jump; a re-sent page keeps the editor's fixes", async () => {
    const { openDb } = await import("../client");
    const { importIssue } = await import("./imports");
    const { listPiecesOnPageForEdit: listPiecesOnPage } = await import("./pages");
    const { listPageLines } = await import("./page-lines");
    const db = openDb(":memory:");
    const joined = join(dir, "issue.pdf");
    execFileSync("pdfunite", ["public/demo/linlan-2026-11-23-1.pdf", "public/demo/linlan-2026-11-23-2.pdf", joined]);
    const stages: string[] = [];
    const { pages, failed } = await preparePdfFiles(
      [{ name: "issue.pdf", bytes: readFileSync(joined) }, { name: "03.pdf", bytes: Buffer.from("nope") }],
      { onProgress: (e) => stages.push(`${e.label}:${e.stage}`) },
    );
    expect(failed.map((f) => f.message)).toEqual(["03.pdf：不是 PDF 文件"]);
    expect(pages.map((p) => p.input.label)).toEqual(["1", "2"]);
    expect(stages).toEqual(expect.arrayContaining(["1:render", "2:render"]));
    const image = pages[0].input.image!;
    expect(existsSync(join(dir, "media-root", image.path))).toBe(true);
    expect(image.width / image.height).toBeCloseTo(990 / 1410, 2);

    const summary = importIssue({ paper: { slug: "t" }, date: "2026-11-20", pages: pages.map((p) => p.input) }, db);
    expect(summary.jumps.linked).toHaveLength(1);
    expect(summary.pages.map((p) => p.textLayer)).toEqual(["ok", "ok"]);
    const issuePages = db.$client.prepare("select id, label, pdf_path as pdf from pages order by position").all() as { id: number; label: string; pdf: string }[];
    expect(issuePages.every((p) => p.pdf.startsWith("/media/"))).toBe(true);
    const lead = listPiecesOnPage(issuePages[0].id, db).find((p) => p.jumpTo)!;
    expect(lead.zones.length).toBeGreaterThan(0);
    expect(listPageLines(issuePages[0].id, db).some((l) => l.text.includes("口袋公园"))).toBe(true);

    // The editor fixes a byline; the desk re-sends page 1 unchanged: the fix stays.
    db.$client.prepare("update articles set byline = '本报记者 沈知远（修订）' where id = ?").run(lead.articleId);
    const again = await preparePdfFiles([{ name: "01.pdf", bytes: PAGE1 }]);
    const resent = importIssue({ paper: { slug: "t" }, date: "2026-11-20", pages: again.pages.map((p) => p.input) }, db);
    expect(resent.pages[0].replaced).toBe(true);
    expect(resent.pages[0].changes).toMatchObject({ added: [], removed: [], changed: [] });
    const after = listPiecesOnPage(issuePages[0].id, db).find((p) => p.title === lead.title)!;
    expect(after.byline).toBe("本报记者 沈知远（修订）");
    // Still one story across both pages.
    expect(resent.jumps.unresolved).toEqual([]);

    // A page without a text layer: its image comes in, no text, and the result says so.
    const scanned = await preparePdfFiles([{ name: "05.pdf", bytes: drawingOnlyPdf() }]);
    const five = importIssue({ paper: { slug: "t" }, date: "2026-11-20", pages: scanned.pages.map((p) => p.input) }, db).pages[0];
    expect(five).toMatchObject({ label: "5", pieces: 0, textLayer: "none" });
    expect(five.doubts![0].message).toContain("无文字层");
    expect(scanned.pages[0].input.image).toBeTruthy();
  }, 180_000);
});
