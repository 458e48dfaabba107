// The PDF reader on its corpus (lib/pdf/fixtures/<producer>-<n>: pages from ReportLab, cairo and
// Chromium with their truth) and on awkward files. Needs poppler-utils (pdftohtml, pdftocairo).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixRadicals, judgeText } from "./chars";
import { PdfReadError, readPdf } from "./index";
import { emptyScore, scoreDir } from "./score";

const fixtures = join(import.meta.dirname, "fixtures");
const special = (f: string) => join(fixtures, "special", f);

describe("corpus", () => {
  it("reads ≥ 95% of the checks right and ≥ 90% of the zones at IoU ≥ 0.8", async () => {
    const dirs = readdirSync(fixtures).filter((d) => /-\d+$/.test(d)).sort();
    const producers = new Set(dirs.map((d) => d.replace(/-\d+$/, "")));
    expect(producers.size).toBeGreaterThanOrEqual(3);
    const s = emptyScore();
    const times: number[] = [];
    for (const d of dirs) await scoreDir(join(fixtures, d), s, times);
    expect(times.length).toBeGreaterThanOrEqual(30);
    const checks = s.passed / s.checks, zones = s.zonePassed / s.zoneChecks;
    if (checks < 0.95 || zones < 0.9) console.log(s.fails.slice(0, 40).join("\n"));
    expect(checks).toBeGreaterThanOrEqual(0.95);
    expect(zones).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});

describe("one page", () => {
  it("gives the page's label, section, size, every line with its box, and pieces with zones", async () => {
    const [page] = await readPdf(join(fixtures, "cairo-1", "p1.pdf"));
    expect(page.label).toBe("1");
    expect(page.section).toBeTruthy();
    expect(page.textLayer).toBe("ok");
    expect(page.width).toBeGreaterThan(800);
    expect(page.lines.length).toBeGreaterThan(100);
    for (const l of page.lines) {
      expect(l.x).toBeGreaterThanOrEqual(0);
      expect(l.x + l.w).toBeLessThanOrEqual(1.001);
      expect(l.size).toBeGreaterThan(5);
    }
    expect(page.pieces.length).toBeGreaterThan(3);
    // Furniture stays out of every piece.
    const text = page.pieces.flatMap((p) => [p.title ?? "", ...p.paragraphs]).join("");
    expect(text).not.toMatch(/责任编辑|临澜日报/);
    for (const p of page.pieces) expect(p.zones.length).toBeGreaterThan(0);
  });

  it("takes the bytes as well as a path", async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, "reportlab-1", "p2.pdf")));
    const [page] = await readPdf(bytes);
    expect(page.label).toBe("2");
    expect(page.pieces.some((p) => p.jumpFrom === "1")).toBe(true);
  });
});

describe("awkward files", () => {
  const code = async (input: string | Uint8Array, opts?: { maxBytes?: number }) => {
    try {
      await readPdf(input, opts);
      return "read";
    } catch (e) {
      expect(e).toBeInstanceOf(PdfReadError);
      expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
      return (e as PdfReadError).code;
    }
  };
  it("refuses empty, non-PDF, corrupt, encrypted and over-size files with their own codes", async () => {
    expect(await code(new Uint8Array())).toBe("empty");
    expect(await code(new TextEncoder().encode("<html>not a pdf</html>"))).toBe("not_pdf");
    expect(await code(new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> garbage"))).toBe("corrupt");
    expect(await code(special("encrypted.pdf"))).toBe("encrypted");
    expect(await code(join(fixtures, "cairo-1", "p1.pdf"), { maxBytes: 1000 })).toBe("too_large");
  });

  it("says when a page has no text layer, or one that decodes to garbage, and proposes no pieces", async () => {
    const [scan] = await readPdf(special("scan.pdf"));
    expect(scan.textLayer).toBe("none");
    expect(scan.pieces).toEqual([]);
    const [garbage] = await readPdf(special("garbage.pdf"));
    expect(garbage.textLayer).toBe("garbage");
    expect(garbage.pieces).toEqual([]);
  });
});

describe("characters", () => {
  it("maps CJK radicals back to the ideographs they stand for, from Unicode's data", () => {
    expect(fixRadicals("栖湾⽇报")).toBe("栖湾日报");
    expect(fixRadicals("李⻘⽲")).toBe("李青禾");
    expect(fixRadicals("三千余⼾")).toBe("三千余户");
    expect(fixRadicals("⼄⺒年")).toBe("乙巳年");
  });
  it("leaves full-width punctuation alone", () => {
    expect(fixRadicals("你好，世界：（一）？！")).toBe("你好，世界：（一）？！");
  });
  it("judges a text layer", () => {
    expect(judgeText("")).toBe("none");
    expect(judgeText("本报讯（记者 张三）临澜市今年新建口袋公园十二处，市民步行十五分钟即可到达。")).toBe("ok");
    expect(judgeText("\ue001\ue002\ue003".repeat(20))).toBe("garbage");
    expect(judgeText("#$%&'()*+,-./0123456789:;<=>?@".repeat(3))).toBe("garbage");
  });
});
