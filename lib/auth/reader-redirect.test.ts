import { describe, expect, it } from "vitest";
import { safeReaderNext } from "./reader-redirect";

describe("safeReaderNext", () => {
  it("keeps paths on this site", () => {
    expect(safeReaderNext("/linlan/2020-03-02/article/5")).toBe("/linlan/2020-03-02/article/5");
    expect(safeReaderNext("/account/bookmarks")).toBe("/account/bookmarks");
  });
  it("refuses other origins, the back office, APIs and junk", () => {
    for (const bad of ["//evil.example/x", "/\\evil.example", "https://evil.example", "/admin", "/admin/users", "/ADMIN", "/api/reader/me", "/a b", "", null, 42, "/x".repeat(300)]) {
      expect(safeReaderNext(bad)).toBe("/account");
    }
  });
});
