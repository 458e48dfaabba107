import { describe, expect, it } from "vitest";
import { documentTokens, normalizeText, queryTokens, segmentForIndex } from "./tokenize";

describe("documentTokens", () => {
  it("splits Chinese into words, including the two-character ones inside longer words", () => {
    const tokens = documentTokens("前十个月外贸进出口总值增长，乌兰察布风电装机创新高");
    expect(tokens).toEqual(expect.arrayContaining(["外贸", "进出口", "出口", "乌兰", "乌兰察布", "风电"]));
  });

  it("keeps English words whole and lower-cases them", () => {
    expect(documentTokens("Apple 发布 iPhone，GDP 增长")).toEqual(expect.arrayContaining(["apple", "iphone", "gdp", "发布", "增长"]));
  });

  it("drops punctuation and spaces", () => {
    expect(documentTokens("“地铁时代”！—— ……")).toEqual(["地铁", "时代"]);
  });

  it("folds full-width letters and digits", () => {
    expect(normalizeText("ＧＤＰ１２３")).toBe("gdp123");
    expect(documentTokens("ＧＤＰ")).toEqual(["gdp"]);
  });

  it("joins tokens with single spaces for the index", () => {
    expect(segmentForIndex("临澜地铁1号线")).toBe("临澜 地铁 1 号线");
  });
});

describe("queryTokens", () => {
  it("cuts a query into words, each found among the document tokens of a text containing it", () => {
    const doc = new Set(documentTokens("临澜地铁1号线一期开通运营，我市外贸稳中有进"));
    for (const q of ["外贸", "临澜地铁", "开通运营", "1号线"]) {
      const terms = queryTokens(q);
      expect(terms.length).toBeGreaterThan(0);
      for (const t of terms) expect(doc.has(t), `${q} → ${t}`).toBe(true);
    }
  });

  it("handles mixed Chinese and English", () => {
    expect(queryTokens("iPhone 外贸")).toEqual(["iphone", "外贸"]);
  });

  it("deduplicates and ignores empty input", () => {
    expect(queryTokens("外贸 外贸")).toEqual(["外贸"]);
    expect(queryTokens("")).toEqual([]);
    expect(queryTokens("   ！？ ")).toEqual([]);
  });
});
