import { describe, expect, it } from "vitest";
import { cleanTerms, highlightSegments, snippetSegments } from "./highlight";

const marked = (segs: { text: string; hit: boolean }[]) => segs.map((s) => (s.hit ? `[${s.text}]` : s.text)).join("");

describe("highlightSegments", () => {
  it("marks every occurrence, case-insensitively", () => {
    expect(marked(highlightSegments("GDP 与 gdp 的外贸", ["gdp", "外贸"]))).toBe("[GDP] 与 [gdp] 的[外贸]");
  });

  it("prefers the longer term where terms overlap", () => {
    expect(marked(highlightSegments("进出口总值", ["出口", "进出口"]))).toBe("[进出口]总值");
  });

  it("escapes regular-expression characters in terms", () => {
    expect(marked(highlightSegments("a.b axb (c)", ["a.b", "(c)"]))).toBe("[a.b] axb [(c)]");
  });

  it("returns the text unmarked without terms", () => {
    expect(highlightSegments("外贸", [])).toEqual([{ text: "外贸", hit: false }]);
  });
});

describe("snippetSegments", () => {
  it("centres on the first match with ellipses", () => {
    const text = "甲".repeat(200) + "外贸" + "乙".repeat(200);
    const s = snippetSegments(text, ["外贸"], 60);
    expect(s[0].text).toBe("…");
    expect(s.at(-1)!.text).toBe("…");
    expect(s.some((x) => x.hit && x.text === "外贸")).toBe(true);
  });

  it("falls back to the opening when no term appears verbatim", () => {
    expect(marked(snippetSegments("开头的话", ["外贸"]))).toBe("开头的话");
  });
});

describe("cleanTerms", () => {
  it("drops non-strings, punctuation-only and excess terms", () => {
    expect(cleanTerms(["外贸", 3, "", "  ", "!!", ...Array.from({ length: 30 }, (_, i) => `t${i}`)])).toHaveLength(16);
  });
});

describe("snippetSegments' start", () => {
  it("never begins in the middle of a number", () => {
    // The window would open at the "0" of "10" (15 characters before the term).
    const text = `${"开".repeat(40)}今年10${"岗".repeat(14)}外贸${"尾".repeat(40)}`;
    expect(snippetSegments(text, ["外贸"], 60).map((s) => s.text).join("")).toMatch(/^…10岗/);
    const withBreak = `${"开".repeat(40)}，截至2026年10月底，全市新增就业岗位外贸${"尾".repeat(40)}`;
    expect(snippetSegments(withBreak, ["外贸"], 60).map((s) => s.text).join("")).toMatch(/^…(截至|全市)/);
  });
});
