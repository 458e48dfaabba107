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

  it("boxes a hit down a vertical headline, not across it", () => {
    // 滨江新区口袋公园开放 set top to bottom: a narrow, tall box.
    const headline = { text: "滨江新区口袋公园开放", x: 0.87, y: 0.08, w: 0.04, h: 0.5, size: 24 };
    const [hit] = lineHits([headline], ["口袋"]);
    expect(hit.x).toBe(0.87);
    expect(hit.w).toBe(0.04);
    expect(hit.y).toBeCloseTo(0.08 + 0.4 * 0.5, 5);
    expect(hit.h).toBeCloseTo(0.2 * 0.5, 5);
  });
});
