import { describe, expect, it } from "vitest";
import { lineHits } from "./line-hits";

const lines = [
  { text: "澜河北岸十四座口袋", x: 0.1, y: 0.1, w: 0.45, h: 0.02, size: 10 },
  { text: "公园年底建成 Pocket Park", x: 0.1, y: 0.13, w: 0.45, h: 0.02, size: 10 },
];

describe("lineHits", () => {
  it("finds a Chinese word broken across two lines and boxes each part on its line", () => {
    const hits = lineHits(lines, ["口袋公园"]);
    expect(hits).toHaveLength(2);
    expect(hits[0]).toMatchObject({ y: 0.1, h: 0.02 });
    expect(hits[0].x).toBeCloseTo(0.1 + (7 / 9) * 0.45, 5);
    expect(hits[0].x + hits[0].w).toBeCloseTo(0.55, 5);
    expect(hits[1].x).toBeCloseTo(0.1, 5);
    expect(hits[1].y).toBe(0.13);
  });

  it("matches two-character words and Latin words ignoring case and spaces, and nothing else", () => {
    expect(lineHits(lines, ["年底"])).toHaveLength(1);
    expect(lineHits(lines, ["pocket park"])).toHaveLength(1);
    expect(lineHits(lines, ["地铁", "  "])).toEqual([]);
  });
});
