import { describe, expect, it } from "vitest";
import { hitRects } from "./alto-hits";

describe("hitRects", () => {
  it("finds a term across per-character strings", () => {
    const line = [..."地铁开通"].map((c, i) => ({ content: c, x: i * 0.1, y: 0.5, w: 0.1, h: 0.02 }));
    const rects = hitRects([line], ["铁开"]);
    expect(rects).toHaveLength(2);
    expect(rects[0].x).toBeCloseTo(0.1);
  });

  it("cuts a line-long string in proportion", () => {
    const rects = hitRects([[{ content: "临澜地铁开通", x: 0, y: 0, w: 0.6, h: 0.02 }]], ["地铁"]);
    expect(rects).toHaveLength(1);
    expect(rects[0].x).toBeCloseTo(0.2);
    expect(rects[0].w).toBeCloseTo(0.2);
  });

  it("finds nothing for absent terms", () => {
    expect(hitRects([[{ content: "外贸", x: 0, y: 0, w: 1, h: 1 }]], ["地铁", " "])).toEqual([]);
  });
});
