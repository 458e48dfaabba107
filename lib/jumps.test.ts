import { describe, expect, it } from "vitest";
import { articleTrail, headlineSimilarity, resolveJumps, type OpenContinuation, type OpenJump } from "./jumps";

const jump = (articleId: number, pageLabel: string, jumpTo: string, title: string | null, piecePosition = articleId): OpenJump =>
  ({ articleId, pageLabel, pagePosition: 0, piecePosition, jumpTo, title });
const cont = (articleId: number, pageLabel: string, jumpFrom: string, headline: string | null, piecePosition = articleId): OpenContinuation =>
  ({ articleId, pieceId: articleId * 10, pageLabel, piecePosition, jumpFrom, headline });

describe("headlineSimilarity", () => {
  it("treats a shortened jump headline as the same story", () => {
    expect(headlineSimilarity("城市会客厅成为海港新名片", "城市会客厅")).toBe(1);
  });
  it("scores unrelated headlines low", () => {
    expect(headlineSimilarity("地铁1号线首段开通运营", "青石茶叶出口创新高")).toBeLessThan(0.3);
  });
  it("ignores punctuation and width", () => {
    expect(headlineSimilarity("“加速度”——", "加速度")).toBe(1);
  });
});

describe("resolveJumps", () => {
  it("links by jump headline even when the order on the page is reversed", () => {
    const links = resolveJumps(
      [jump(1, "1", "3", "地铁1号线首段开通 市民乘车首日体验", 0), jump(2, "1", "3", "十五分钟便民生活圈调查结果发布", 1)],
      [cont(11, "3", "1", "便民生活圈", 0), cont(12, "3", "1", "地铁首日体验", 1)],
    );
    const pairs = links.map((l) => [l.from.articleId, l.to.articleId, l.by]).sort();
    expect(pairs).toEqual([[1, 12, "headline"], [2, 11, "headline"]]);
  });

  it("falls back to reading order when there are no headlines", () => {
    const links = resolveJumps(
      [jump(2, "1", "3", "第二篇", 5), jump(1, "1", "3", "第一篇", 2)],
      [cont(21, "3", "1", null, 7), cont(20, "3", "1", null, 0)],
    );
    const pairs = links.map((l) => [l.from.articleId, l.to.articleId]).sort();
    expect(pairs).toEqual([[1, 20], [2, 21]]);
    expect(links.every((l) => l.by === "order")).toBe(true);
  });

  it("only pairs a jump with a continuation that names its page", () => {
    const links = resolveJumps([jump(1, "1", "3", "港口")], [cont(9, "3", "2", "港口"), cont(8, "5", "1", "港口")]);
    expect(links).toEqual([]);
  });

  it("leaves extra jumps open rather than guessing", () => {
    const links = resolveJumps([jump(1, "1", "3", "甲"), jump(2, "1", "3", "乙")], [cont(5, "3", "1", null)]);
    expect(links).toHaveLength(1);
    expect(links[0].from.articleId).toBe(1);
  });

  it("handles lettered pages", () => {
    const links = resolveJumps([jump(1, "A1", "A6", "Transit plan")], [cont(2, "A6", "A1", "TRANSIT")]);
    expect(links).toHaveLength(1);
  });
});

describe("resolveJumps never stitches the wrong story", () => {
  it("does not link by order a continuation whose jump headline names another story", () => {
    // The metro story's jump went unrecognised; the tea story's continuation is missing.
    const links = resolveJumps(
      [jump(1, "1", "3", "青石茶叶出口创新高", 0)],
      [cont(11, "3", "1", "地铁首日体验", 0)],
      ["青石茶叶出口创新高", "地铁1号线首段开通 市民乘车首日体验"],
    );
    expect(links).toEqual([]);
  });

  it("does not link by order when the headline does not resemble the story's title", () => {
    expect(resolveJumps([jump(1, "1", "3", "青石茶叶出口创新高")], [cont(11, "3", "1", "夜市开张")])).toEqual([]);
  });

  it("links by order where nothing contradicts it, and marks the link uncertain", () => {
    const links = resolveJumps([jump(1, "1", "3", "青石茶叶出口创新高")], [cont(11, "3", "1", null)]);
    expect(links.map((l) => [l.by, l.certain])).toEqual([["order", false]]);
  });

  it("marks a headline link certain only when nothing rivals it", () => {
    const sure = resolveJumps([jump(1, "1", "3", "城市会客厅成为海港新名片")], [cont(11, "3", "1", "城市会客厅")], ["城市会客厅成为海港新名片"]);
    expect(sure.map((l) => l.certain)).toEqual([true]);
    // A second story with a similar title makes the same headline ambiguous.
    const unsure = resolveJumps(
      [jump(1, "1", "3", "城市会客厅成为海港新名片")], [cont(11, "3", "1", "城市会客厅")],
      ["城市会客厅成为海港新名片", "城市会客厅开放夜场"],
    );
    expect(unsure.map((l) => [l.by, l.certain])).toEqual([["headline", false]]);
  });
});

describe("articleTrail", () => {
  it("lists each page once, in story order", () => {
    expect(articleTrail([
      { pieceId: 1, pageLabel: "1" }, { pieceId: 2, pageLabel: "3" }, { pieceId: 3, pageLabel: "3" }, { pieceId: 4, pageLabel: "5" },
    ])).toEqual([{ pageLabel: "1", pieceId: 1 }, { pageLabel: "3", pieceId: 2 }, { pageLabel: "5", pieceId: 4 }]);
  });
});
