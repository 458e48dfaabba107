// Vertical headlines (竖排): the characters come from poppler one run each, one under another.
// They must read as one headline that anchors the columns beside it, not as a pile of one-character
// lines and headless stories.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPdf } from "./index";
import { verticalStacks } from "./lines";
import type { Run } from "./poppler";

const FIXTURE = join(import.meta.dirname, "fixtures", "special", "vertical.pdf");
const run = (text: string, x: number, y: number, size = 20, w = size): Run => ({ text, x, y, w, h: size * 1.3, size, bold: false });

describe("vertical text", () => {
  it("stacks single characters set one under another, and leaves the first characters of lines across alone", () => {
    const title = [..."江岸步道贯通"].map((c, i) => run(c, 500, 40 + i * 20));
    // A column of text across whose lines each start with a run of one character.
    const across = [0, 1, 2, 3].flatMap((i) => [run("本", 100, 40 + i * 16, 10), run("报讯记者", 110, 40 + i * 16, 10, 40)]);
    const { stacks, rest } = verticalStacks([...title, ...across]);
    expect(stacks.map((s) => s.map((r) => r.text).join(""))).toEqual(["江岸步道贯通"]);
    expect(rest).toHaveLength(across.length);
    // Two characters are not a stack.
    expect(verticalStacks(title.slice(0, 2)).stacks).toEqual([]);
  });

  it("reads a module with a vertical headline: title, subtitle, byline and the columns beside it", async () => {
    const [page] = await readPdf(FIXTURE);
    expect(page.pieces.map((p) => p.title)).toEqual(["滨江新区口袋公园开放", "城北片区供暖管网改造完工"]);
    const [vertical, across] = page.pieces;
    expect(vertical.subtitle).toBe("家门口添了一处好去处");
    expect(vertical.byline).toBe("本报讯（记者 周晓岚）");
    const text = vertical.paragraphs.join("");
    expect(text.startsWith("昨日，滨江新区首批十二座口袋公园同时开放")).toBe(true);
    expect(text.endsWith("明确各方责任。")).toBe(true);
    expect(text).toContain("家住滨江新区的市民刘阿姨说");
    // One zone round headline and columns, above the story across the page.
    expect(vertical.zones).toHaveLength(1);
    const z = vertical.zones[0];
    expect(z.x).toBeLessThan(0.31);
    expect(z.x + z.w).toBeGreaterThan(0.9);
    expect(z.y + z.h).toBeLessThanOrEqual(across.zones[0].y + 0.001);
  });

  it("joins a headline set in two vertical lines, right one first, with its kicker on the right", async () => {
    const [, page] = await readPdf(FIXTURE);
    const [vertical] = page.pieces;
    expect(vertical.kicker).toBe("民生实事");
    expect(vertical.title).toBe("滨江新区口袋公园昨日开放迎客");
    expect(vertical.subtitle).toBeNull();
    expect(vertical.byline).toBe("本报讯（记者 周晓岚）");
    expect(vertical.paragraphs.join("")).toContain("明确各方责任。");
    expect(page.pieces).toHaveLength(2);
  });
});

describe("pdftohtml's fonts", () => {
  it("keeps a font declared on page 1 for the pages after it that use it", async () => {
    const { parseXml } = await import("./poppler");
    const xml = `<pdf2xml><page number="1" height="500" width="600"><fontspec id="0" size="24" family="A" color="#000"/>
<text top="10" left="10" width="72" height="31" font="0">第一页</text></page>
<page number="2" height="500" width="600"><text top="10" left="10" width="72" height="31" font="0">第二页</text></page></pdf2xml>`;
    const pages = parseXml(xml);
    expect(pages.map((p) => p.runs[0].size)).toEqual([24, 24]);
  });
});
