import { describe, expect, it } from "vitest";
import { docId, docIdRange } from "./doc-id";

describe("docId", () => {
  it("orders by date first, then article id", () => {
    expect(docId("2026-11-26", 1)).toBeGreaterThan(docId("2026-11-25", 999_999));
    expect(docId("2026-11-26", 2)).toBeGreaterThan(docId("2026-11-26", 1));
  });

  it("stays a safe integer across the accepted dates", () => {
    expect(docId("1800-01-01", 1)).toBeGreaterThan(0);
    expect(Number.isSafeInteger(docId("2999-12-31", 2 ** 32 - 1))).toBe(true);
  });

  it("brackets every article of the dates in a range", () => {
    const { lo, hi } = docIdRange("2026-11-25", "2026-11-26");
    expect(docId("2026-11-25", 1)).toBeGreaterThanOrEqual(lo!);
    expect(docId("2026-11-26", 2 ** 32 - 1)).toBeLessThanOrEqual(hi!);
    expect(docId("2026-11-27", 1)).toBeGreaterThan(hi!);
    expect(docId("2026-11-24", 2 ** 32 - 1)).toBeLessThan(lo!);
    expect(docIdRange(null, undefined)).toEqual({ lo: null, hi: null });
  });
});
