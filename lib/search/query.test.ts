import { describe, expect, it } from "vitest";
import { ftsString, MAX_QUERY_CHARS, MAX_QUERY_TERMS, parseQuery } from "./query";

describe("parseQuery", () => {
  it("quotes every term and joins them with AND", () => {
    expect(parseQuery("外贸 乌兰").match).toBe('"外贸" AND "乌兰"');
  });

  it("doubles quotes inside an FTS string", () => {
    expect(ftsString('a"b')).toBe('"a""b"');
  });

  it.each([
    ['"', null], ["*", null], ["(", null], [")", null], ["^", null], [":", null], ["-", null], ['"*()', null],
  ])("leaves nothing to search for in %j", (q, match) => {
    expect(parseQuery(q).match).toBe(match);
  });

  it("searches FTS operators as plain words, quoted", () => {
    const q = parseQuery('"*()NEAR AND OR NOT ^ col:外贸 -x');
    expect(q.match).not.toBeNull();
    // Every term appears only as a quoted string; no bare operator is left.
    const bare = q.match!.replace(/"(?:[^"]|"")*"/g, "").replace(/\bAND\b/g, "").trim();
    expect(bare).toBe("");
    expect(q.terms).toEqual(expect.arrayContaining(["near", "and", "or", "not", "外贸"]));
  });

  it("treats markup as text", () => {
    const q = parseQuery("<script>alert(1)</script>");
    expect(q.text).toBe("<script>alert(1)</script>");
    expect(q.terms).toEqual(expect.arrayContaining(["script", "alert", "1"]));
    expect(q.match).not.toMatch(/</);
  });

  it("truncates a 1,000-character query to bounded text and terms", () => {
    const q = parseQuery("外贸乌兰地铁开通".repeat(125));
    expect([...q.text].length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(q.terms.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
    expect(q.truncated).toBe(true);
  });

  it("caps the number of distinct terms", () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    const q = parseQuery(words);
    expect(q.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(q.truncated).toBe(true);
  });

  it("accepts empty, missing and repeated parameters", () => {
    expect(parseQuery(undefined)).toMatchObject({ text: "", terms: [], match: null });
    expect(parseQuery("   ")).toMatchObject({ text: "", match: null });
    expect(parseQuery(["外贸", "乌兰"]).terms).toEqual(["外贸"]);
    expect(parseQuery(42).match).toBeNull();
  });

  it("drops control characters and never splits an emoji", () => {
    const q = parseQuery("外贸\u0000\u0007" + "😀".repeat(200));
    expect(q.text.startsWith("外贸")).toBe(true);
    expect(q.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
