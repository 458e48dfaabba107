import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDb } from "../client";
import { importIssue } from "./imports";
import { getArticleOfIssueForEdit } from "./articles";
import { getPageOfIssueForEdit, listPiecesOnPageForEdit } from "./pages";
import { getPaperBySlug } from "./papers";
import { getPublishedIssue, setIssueStatus } from "./issues";
import type { PieceInput } from "../../lib/import-types";

const piece = (p: Partial<PieceInput>): PieceInput => ({
  kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: ["正文。"], jumpTo: null, jumpFrom: null, ...p,
});

const page1 = {
  label: "1", section: "要闻",
  pieces: [
    piece({ title: "地铁1号线首段开通运营", paragraphs: ["开头一段。", "开头二段"], jumpTo: "3" }),
    piece({ title: "便民生活圈调查结果发布", paragraphs: ["调查开头。"], jumpTo: "3" }),
    piece({ title: "寒潮来袭", paragraphs: ["降温。"] }),
  ],
};
const page3 = {
  label: "3", section: "综合",
  pieces: [
    piece({ title: "便民生活圈", paragraphs: ["调查后文。"], jumpFrom: "1" }),
    piece({ title: "地铁首段开通", paragraphs: ["后文一段。"], jumpFrom: "1" }),
    piece({ title: "夜市开张", paragraphs: ["热闹。"] }),
  ],
};
const paper = { slug: "test", name: "测试日报" };

describe("importIssue", () => {
  it("keeps a jump open until its page arrives, then links it by headline", () => {
    const db = openDb(":memory:");
    const first = importIssue({ paper, date: "2026-11-26", pages: [page1] }, db);
    expect(first.jumps.linked).toEqual([]);
    expect(first.jumps.unresolved.map((u) => u.jumpTo)).toEqual(["3", "3"]);
    expect(first.status).toBe("draft");

    const second = importIssue({ paper, date: "2026-11-26", pages: [page3] }, db);
    expect(second.jumps.unresolved).toEqual([]);
    expect(second.jumps.linked.map((l) => l.title).sort()).toEqual(["便民生活圈调查结果发布", "地铁1号线首段开通运营"]);
    expect(second.articles).toBe(4);

    const p1 = getPageOfIssueForEdit(second.issueId, "1", db)!;
    const metro = listPiecesOnPageForEdit(p1.id, db).find((p) => p.title === "地铁1号线首段开通运营")!;
    expect(metro.jumpTo?.target?.pageLabel).toBe("3");
    const article = getArticleOfIssueForEdit(second.issueId, metro.articleId, db)!;
    expect(article.pieces.map((p) => p.pageLabel)).toEqual(["1", "3"]);
    expect(article.pieces.flatMap((p) => p.paragraphs)).toEqual(["开头一段。", "开头二段", "后文一段。"]);
    expect(article.pieces[1].headline).toBe("地铁首段开通");

    const p3 = getPageOfIssueForEdit(second.issueId, "3", db)!;
    const back = listPiecesOnPageForEdit(p3.id, db).find((p) => p.headline === "地铁首段开通")!;
    expect(back.jumpFrom?.target).toEqual({ pieceId: metro.id, pageLabel: "1" });
  });

  it("replacing a page keeps the other pages and reopens their jumps", () => {
    const db = openDb(":memory:");
    importIssue({ paper, date: "2026-11-26", pages: [page1, page3] }, db);
    const again = importIssue({ paper, date: "2026-11-26", pages: [{ ...page3, pieces: [page3.pieces[2]] }] }, db);
    expect(again.pages).toEqual([{ label: "3", pieces: 1, replaced: true }]);
    expect(again.jumps.unresolved.filter((u) => u.jumpTo)).toHaveLength(2);
    expect(again.articles).toBe(4);
    const pieces = db.all<{ n: number }>(sql`select count(*) as n from pieces`)[0].n;
    expect(pieces).toBe(4);
  });

  it("links a story across three pages", () => {
    const db = openDb(":memory:");
    const s = importIssue({
      paper, date: "2026-11-26",
      pages: [
        { label: "1", pieces: [piece({ title: "长篇", jumpTo: "3" })] },
        { label: "3", pieces: [piece({ title: "长篇", jumpFrom: "1", jumpTo: "5" })] },
        { label: "5", pieces: [piece({ title: null, jumpFrom: "3" })] },
      ],
    }, db);
    expect(s.jumps.linked).toHaveLength(2);
    expect(s.jumps.unresolved).toEqual([]);
    expect(s.articles).toBe(1);
  });

  it("writes nothing when any page fails", () => {
    const db = openDb(":memory:");
    const bad = { label: "2", pieces: [piece({ paragraphs: null as unknown as string[] })] };
    expect(() => importIssue({ paper, date: "2026-11-26", pages: [page1, bad] }, db)).toThrow();
    expect(getPaperBySlug("test", db)).toBeNull();
  });

  it("hides a draft from readers until it is published", () => {
    const db = openDb(":memory:");
    importIssue({ paper, date: "2026-11-26", pages: [page1] }, db);
    const p = getPaperBySlug("test", db)!;
    expect(getPublishedIssue(p.id, "2026-11-26", db)).toBeNull();
    setIssueStatus({ paperSlug: "test", date: "2026-11-26", status: "published" }, db);
    expect(getPublishedIssue(p.id, "2026-11-26", db)?.status).toBe("published");
    setIssueStatus({ paperSlug: "test", date: "2026-11-26", status: "draft" }, db);
    expect(getPublishedIssue(p.id, "2026-11-26", db)).toBeNull();
  });
});

describe("replacing the page a story starts on", () => {
  it("frees its continuations so the new text links to them again", () => {
    const db = openDb(":memory:");
    const first = importIssue({ paper, date: "2026-11-26", pages: [page1, page3] }, db);
    expect(first.jumps.unresolved).toEqual([]);
    const again = importIssue({ paper, date: "2026-11-26", pages: [page1] }, db);
    expect(again.jumps.unresolved).toEqual([]);
    expect(again.jumps.linked).toHaveLength(2);
    expect(again.articles).toBe(first.articles);
  });

  it("keeps a three-page story whole when its middle page is replaced", () => {
    const db = openDb(":memory:");
    const pages = [
      { label: "1", pieces: [piece({ title: "长篇报道", jumpTo: "3" })] },
      { label: "3", pieces: [piece({ title: "长篇报道", jumpFrom: "1", jumpTo: "5" })] },
      { label: "5", pieces: [piece({ title: "长篇报道", jumpFrom: "3" })] },
    ];
    importIssue({ paper, date: "2026-11-26", pages }, db);
    const again = importIssue({ paper, date: "2026-11-26", pages: [pages[1]] }, db);
    expect(again.jumps.unresolved).toEqual([]);
    expect(again.articles).toBe(1);
  });
});
