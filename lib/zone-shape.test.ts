import { describe, expect, it } from "vitest";
import { boundingRect, zonePaths } from "./zone-shape";

describe("zonePaths", () => {
  it("traces one rectangle as four edges", () => {
    const { fill, edge } = zonePaths([{ x: 0.1, y: 0.2, w: 0.3, h: 0.4 }]);
    expect(fill).toBe("M100 200H400V600H100Z");
    expect(edge.match(/M/g)).toHaveLength(4);
  });

  it("draws no edge where two rectangles of an L-shaped story meet", () => {
    // A wide top band and a column below its left half.
    const { edge } = zonePaths([{ x: 0, y: 0, w: 0.6, h: 0.2 }, { x: 0, y: 0.2, w: 0.3, h: 0.3 }]);
    expect(edge).not.toContain("M0 200H300"); // the shared line
    expect(edge).toContain("M300 200H600"); // the step of the L
    expect(edge).toContain("M300 200V500");
  });

  it("fills overlapping rectangles once", () => {
    const { fill } = zonePaths([{ x: 0, y: 0, w: 0.5, h: 0.5 }, { x: 0.25, y: 0.25, w: 0.5, h: 0.5 }]);
    // 3×3 grid, two corner cells uncovered.
    expect(fill.match(/Z/g)).toHaveLength(7);
  });

  it("ignores empty and off-page rectangles", () => {
    expect(zonePaths([{ x: 2, y: 2, w: 1, h: 1 }, { x: 0, y: 0, w: 0, h: 1 }])).toEqual({ fill: "", edge: "" });
    expect(boundingRect([])).toBeNull();
  });
});
