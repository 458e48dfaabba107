import { describe, expect, it } from "vitest";
import { isWellFormedPath } from "./request-path";

describe("isWellFormedPath", () => {
  it("refuses malformed percent-escapes in the path", () => {
    expect(isWellFormedPath("/linlan/%ZZ")).toBe(false);
    expect(isWellFormedPath("/linlan/2026-11-26/%E5%9")).toBe(false);
  });
  it("accepts ordinary and encoded paths, whatever the query says", () => {
    expect(isWellFormedPath("/linlan/2026-11-26/3")).toBe(true);
    expect(isWellFormedPath("/search?q=%ZZ")).toBe(true);
    expect(isWellFormedPath("/linlan/2026-11-26/%E4%B8%89%E7%89%88")).toBe(true);
  });
});
