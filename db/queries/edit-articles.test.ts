import { describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { openTestDb, testActor } from "./edit-testing";
import { articles, auditLog, pieces } from "../schema";
import { importIssue } from "./imports";
import { getArticleForEdit, mergePiece, splitPiece, updateArticle } from "./edit-articles";
import { EditError } from "./edit-issues";
import type { PieceInput } from "../../lib/import-types";

const piece = (p: Partial<PieceInput>): PieceInput => ({
  kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: ["正文。"], jumpTo: null, jumpFrom: null, ...p,
});
const actor = testActor;
const target = "t/2026-11-27";

function seed(): { db: Db; issueId: number } {
  const db = openTestDb();
  const s = importIssue({ paper: { slug: "t" }, date: "2026-11-27", pages: [
    { label: "1", pieces: [
      piece({ title: "甲", paragraphs: ["甲一", "甲二", "乙一", "乙二"], jumpTo: "3" }),
      piece({ title: "丙", paragraphs: ["丙一"] }),
    ] },
    { label: "3", pieces: [piece({ title: null, paragraphs: ["乙三"], jumpFrom: "1" })] },
  ] }, db);
  return { db, issueId: s.issueId };
}

/** Every article's seq is 0..n-1 and every page's positions are 0..n-1. */
function expectContiguous(db: Db) {
  const rows = db.select().from(pieces).orderBy(asc(pieces.articleId), asc(pieces.seq)).all();
  const by = (k: "articleId" | "pageId", f: "seq" | "position") => {
    const m = new Map<number, number[]>();
    for (const r of rows) m.set(r[k], [...(m.get(r[k]) ?? []), r[f]]);
    for (const v of m.values()) expect([...v].sort((a, b) => a - b)).toEqual(v.map((_, i) => i));
  };
  by("articleId", "seq");
  by("pageId", "position");
}

const firstPiece = (db: Db, title: string) =>
  db.select({ id: pieces.id, articleId: pieces.articleId }).from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId))
    .where(eq(articles.title, title)).orderBy(asc(pieces.seq)).get()!;

describe("splitPiece and mergePiece", () => {
  it("splits at a paragraph: the rest, its 下转 and later pieces become a new article; merge undoes it", () => {
    const { db, issueId } = seed();
    const a = firstPiece(db, "甲");
    expect(getArticleForEdit(issueId, a.articleId, db)!.pieces.map((p) => p.pageLabel)).toEqual(["1", "3"]);
    const { articleId } = splitPiece({ issueId, target, pieceId: a.id, at: 2 }, actor, db);
    const head = getArticleForEdit(issueId, a.articleId, db)!;
    const rest = getArticleForEdit(issueId, articleId, db)!;
    expect(head.pieces.map((p) => p.paragraphs)).toEqual([["甲一", "甲二"]]);
    expect(head.pieces[0].jumpTo).toBeNull();
    expect(rest.pieces.map((p) => [p.pageLabel, p.paragraphs])).toEqual([["1", ["乙一", "乙二"]], ["3", ["乙三"]]]);
    expect(rest.pieces[0].position).toBe(1);
    expectContiguous(db);

    mergePiece({ issueId, target, pieceId: rest.pieces[0].id }, actor, db);
    const merged = getArticleForEdit(issueId, a.articleId, db)!;
    expect(merged.pieces.map((p) => p.paragraphs)).toEqual([["甲一", "甲二", "乙一", "乙二"], ["乙三"]]);
    expect(merged.pieces[0].jumpTo).toBe("3");
    expect(getArticleForEdit(issueId, articleId, db)).toBeNull();
    expectContiguous(db);
  });

  it("refuses a split outside the paragraphs and changes nothing", () => {
    const { db, issueId } = seed();
    const a = firstPiece(db, "甲");
    const before = db.select().from(pieces).all();
    expect(() => splitPiece({ issueId, target, pieceId: a.id, at: 4 }, actor, db)).toThrow(EditError);
    expect(() => splitPiece({ issueId, target, pieceId: a.id, at: 0 }, actor, db)).toThrow(EditError);
    expect(db.select().from(pieces).all()).toEqual(before);
    expect(db.select({ n: sql<number>`count(*)` }).from(auditLog).get()!.n).toBe(0);
  });

  it("refuses a piece of another issue", () => {
    const { db } = seed();
    const other = importIssue({ paper: { slug: "t" }, date: "2026-11-28", pages: [{ label: "1", pieces: [piece({ title: "丁" })] }] }, db);
    const a = firstPiece(db, "甲");
    expect(() => splitPiece({ issueId: other.issueId, target, pieceId: a.id, at: 1 }, actor, db)).toThrow(/没有这段文字/);
  });

  it("will not merge into an article that continues on another page", () => {
    const { db, issueId } = seed();
    const c = firstPiece(db, "丙");
    expect(() => mergePiece({ issueId, target, pieceId: c.id }, actor, db)).toThrow(/续文/);
    expectContiguous(db);
  });

  it("updates fields and paragraphs in one transaction; a bad piece id rolls everything back", () => {
    const { db, issueId } = seed();
    const a = firstPiece(db, "甲");
    const fields = { kicker: "引", title: "新标题", subtitle: null, column: null, byline: "记者 某" };
    expect(() => updateArticle({ issueId, target, articleId: a.articleId, fields, pieces: [{ pieceId: 99999, headline: null, paragraphs: ["x"] }] }, actor, db)).toThrow(EditError);
    expect(getArticleForEdit(issueId, a.articleId, db)!.title).toBe("甲");
    updateArticle({ issueId, target, articleId: a.articleId, fields, pieces: [{ pieceId: a.id, headline: null, paragraphs: ["一", "二"] }] }, actor, db);
    const after = getArticleForEdit(issueId, a.articleId, db)!;
    expect(after.title).toBe("新标题");
    expect(after.pieces[0].paragraphs).toEqual(["一", "二"]);
    expect(db.select().from(auditLog).all().map((r) => r.action)).toEqual(["article.update"]);
  });
});
