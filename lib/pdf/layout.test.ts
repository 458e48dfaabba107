// The reader's geometry on hand-built pages (no PDF, no poppler): reading order comes from where
// things are, never from the order they were drawn in.
import { describe, expect, it } from "vitest";
import { readPage } from "./page";
import type { RawPage, Run, Shape } from "./poppler";

const S = 10; // body size, pt
const LEAD = 16;

/** Sets text into a column one character per S points, the first line of a paragraph indented. */
function column(x: number, y: number, chars: number, paragraphs: string[], opts: { cont?: boolean; indent?: "space" | "offset" } = {}): Run[] {
  const runs: Run[] = [];
  let row = 0;
  paragraphs.forEach((p, k) => {
    let rest = p;
    let first = !(opts.cont && k === 0);
    while (rest) {
      const indent = first ? 2 : 0;
      const take = chars - indent;
      const text = rest.slice(0, take);
      rest = rest.slice(take);
      if (indent && opts.indent === "space") {
        runs.push({ text: "\u3000\u3000" + text, x, y: y + row * LEAD, w: (text.length + 2) * S, h: 13, size: S, bold: false });
      } else {
        runs.push({ text, x: x + indent * S, y: y + row * LEAD, w: text.length * S, h: 13, size: S, bold: false });
      }
      first = false;
      row++;
    }
  });
  return runs;
}

const head = (text: string, x: number, y: number, size: number): Run => ({ text, x, y, w: text.length * size, h: size * 1.3, size, bold: true });

function page(runs: Run[], shapes: Shape[] = []): RawPage {
  // Shuffle deterministically: the content stream order must not matter.
  const shuffled = runs.map((r, i) => ({ r, k: (i * 7919) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.r);
  return { index: 0, width: 600, height: 800, runs: shuffled, shapes };
}

const P1 = "临澜市今年新建口袋公园十二处，市民步行十五分钟即可到达，周边居民都说方便了许多。";
const P2 = "市园林局介绍，公园建设坚持小而精，因地制宜利用边角空地，让绿色走进家门口。";
const P3 = "下一步，全市还将新建城市绿道二十公里，串联起沿江的九个公园和三个广场。";

describe("reading a page from its geometry", () => {
  it("reads a two-column story under its headline in order, whatever the drawing order", () => {
    const left = column(40, 140, 12, [P1, P2]);
    const right = column(180, 140, 12, [P3]);
    // The paragraph P2 runs on from the left column into the right one.
    const leftText = left.map((r) => r.text).join("");
    expect(leftText.length).toBeGreaterThan(P1.length);
    const reading = readPage(page([head("临澜口袋公园建成开放", 40, 100, 24), ...left, ...right]));
    expect(reading.textLayer).toBe("ok");
    expect(reading.pieces).toHaveLength(1);
    const [p] = reading.pieces;
    expect(p.title).toBe("临澜口袋公园建成开放");
    expect(p.paragraphs).toEqual([P1, P2, P3]);
    expect(p.zones).toHaveLength(1);
    const z = p.zones[0];
    expect(z.x).toBeCloseTo(40 / 600, 2);
    expect(z.y).toBeCloseTo(100 / 800, 2);
  });

  it("keeps two stories apart across a rule, each with its own zone", () => {
    const a = column(40, 140, 12, [P1]);
    const b = column(40, 340, 12, [P3]);
    const rule: Shape = { kind: "fill", x: 40, y: 300, w: 260, h: 0.75, grey: 0.2 };
    const reading = readPage(page([head("公园建成开放", 40, 100, 24), ...a, head("绿道串起九个公园", 40, 310, 20), ...b], [rule]));
    expect(reading.pieces.map((p) => p.title)).toEqual(["公园建成开放", "绿道串起九个公园"]);
    expect(reading.pieces[0].paragraphs).toEqual([P1]);
    expect(reading.pieces[1].paragraphs).toEqual([P3]);
    const [za] = reading.pieces[0].zones, [zb] = reading.pieces[1].zones;
    expect(za.y + za.h).toBeLessThanOrEqual(zb.y);
  });

  it("sees a paragraph indented with ideographic spaces", () => {
    const runs = column(40, 140, 12, [P1, P2], { indent: "space" });
    const reading = readPage(page([head("公园建成开放", 40, 100, 24), ...runs]));
    expect(reading.pieces[0].paragraphs).toEqual([P1, P2]);
  });

  it("reads the jump markers and leaves them out of the text", () => {
    const runs = [...column(40, 140, 12, [P1]), { text: "（下转第3版）", x: 100, y: 140 + 4 * LEAD, w: 60, h: 13, size: S, bold: false }];
    const reading = readPage(page([head("公园建成开放", 40, 100, 24), ...runs]));
    expect(reading.pieces[0].jumpTo).toBe("3");
    expect(reading.pieces[0].paragraphs.join("")).not.toMatch(/下转/);
  });

  it("marks a story without a headline for the editor", () => {
    const reading = readPage(page(column(40, 140, 12, [P1, P2])));
    expect(reading.pieces).toHaveLength(1);
    expect(reading.pieces[0].title).toBeNull();
    expect(reading.pieces[0].doubts).toContain("无标题");
  });
});
