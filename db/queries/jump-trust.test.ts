// Never stitch the wrong story: links by reading order only where nothing contradicts them,
// every doubtful link marked, and publishing asks for the editor's confirmation.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDb, testActor } from "./edit-testing";
import { importIssue } from "./imports";
import { confirmJump, listJumpsForEdit, listUncertainLinksForEdit } from "./edit-jumps";
import { changeIssueStatus, EditError, scheduleIssue } from "./edit-issues";
import { getArticleForEdit } from "./edit-articles";
import { articles, auditLog, issues, pages, pieces } from "../schema";
import { deletePage } from "./edit-pages";
import { mergePiece } from "./edit-articles";
import type { PieceInput } from "../../lib/import-types";

const piece = (p: Partial<PieceInput>): PieceInput => ({
  kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: ["正文。"], jumpTo: null, jumpFrom: null, ...p,
});
const paper = { slug: "t" };
const date = "2026-11-27";
const target = `t/${date}`;

describe("jump links an editor can trust", () => {
  it("leaves open a continuation whose jump headline names another story", () => {
    const db = openTestDb();
    const s = importIssue({ paper, date, pages: [
      { label: "1", pieces: [
        piece({ title: "青石茶叶出口创新高", paragraphs: ["茶叶开头。"], jumpTo: "3" }),
        piece({ title: "地铁1号线首段开通 市民乘车首日体验", paragraphs: ["地铁全文。"] }),
      ] },
      { label: "3", pieces: [piece({ title: "地铁首日体验", paragraphs: ["地铁后文。"], jumpFrom: "1" })] },
    ] }, db);
    expect(s.jumps.linked).toEqual([]);
    expect(s.jumps.unresolved.map((u) => u.jumpTo ?? u.jumpFrom)).toEqual(["3", "1"]);
    const tea = listJumpsForEdit(s.issueId, db).open[0];
    expect(getArticleForEdit(s.issueId, tea.articleId, db)!.pieces.flatMap((p) => p.paragraphs)).toEqual(["茶叶开头。"]);
  });

  it("marks a link made by reading order as uncertain, lists it, and refuses to publish until confirmed", () => {
    const db = openTestDb();
    const s = importIssue({ paper, date, pages: [
      { label: "1", pieces: [piece({ title: "青石茶叶出口创新高", jumpTo: "3" })] },
      { label: "3", pieces: [piece({ title: null, paragraphs: ["后文。"], jumpFrom: "1" })] },
    ] }, db);
    expect(s.jumps.linked.map((l) => [l.by, l.certain])).toEqual([["order", false]]);
    expect(s.jumps.uncertain).toHaveLength(1);
    expect(s.jumps.uncertain[0]).toMatchObject({ from: "1", to: "3", title: "青石茶叶出口创新高" });
    const linked = listJumpsForEdit(s.issueId, db).linked;
    expect(linked.map((l) => l.uncertain)).toEqual([true]);

    expect(() => changeIssueStatus({ paperSlug: "t", date, status: "published" }, testActor, db)).toThrow(EditError);
    expect(() => scheduleIssue({ paperSlug: "t", date, at: "2099-01-01T00:00:00.000Z" }, testActor, db)).toThrow(/尚未核对/);
    changeIssueStatus({ paperSlug: "t", date, status: "published", confirmLinks: true }, testActor, db);
    expect(listUncertainLinksForEdit(s.issueId, db)).toEqual([]);
    const confirmations = db.select().from(auditLog).where(eq(auditLog.action, "jump.confirm")).all();
    expect(confirmations.map((r) => r.detail)).toEqual([{ count: 1, atPublish: true }]);
  });

  it("confirms one link at a time from the jumps list", () => {
    const db = openTestDb();
    const s = importIssue({ paper, date, pages: [
      { label: "1", pieces: [piece({ title: "青石茶叶出口创新高", jumpTo: "3" })] },
      { label: "3", pieces: [piece({ paragraphs: ["后文。"], jumpFrom: "1" })] },
    ] }, db);
    confirmJump({ issueId: s.issueId, target, pieceId: s.jumps.uncertain[0].pieceId }, testActor, db);
    expect(listUncertainLinksForEdit(s.issueId, db)).toEqual([]);
    changeIssueStatus({ paperSlug: "t", date, status: "published" }, testActor, db);
  });

  it("a link by a matching jump headline needs no confirmation", () => {
    const db = openTestDb();
    const s = importIssue({ paper, date, pages: [
      { label: "1", pieces: [piece({ title: "城市会客厅成为海港新名片", jumpTo: "3" })] },
      { label: "3", pieces: [piece({ title: "城市会客厅", jumpFrom: "1" })] },
    ] }, db);
    expect(s.jumps.uncertain).toEqual([]);
    changeIssueStatus({ paperSlug: "t", date, status: "published" }, testActor, db);
  });
});

describe("edits that must not lose the story", () => {
  it("deleting the page a story starts on leaves its continuation open, and it relinks when the page returns", () => {
    const db = openTestDb();
    const page1 = { label: "1", pieces: [piece({ title: "城市书房开放", paragraphs: ["前文"], jumpTo: "3" })] };
    const s = importIssue({ paper, date, pages: [page1, { label: "3", pieces: [piece({ title: "城市书房", paragraphs: ["后文"], jumpFrom: "1" })] }] }, db);
    const p1 = db.select().from(pages).where(eq(pages.label, "1")).get()!;
    deletePage({ issueId: s.issueId, target, pageId: p1.id }, testActor, db);
    const after = listJumpsForEdit(s.issueId, db);
    expect(after.continuations.map((c) => c.name)).toEqual(["城市书房"]);
    expect(db.select({ title: articles.title }).from(articles).all()).toEqual([{ title: null }]);
    const again = importIssue({ paper, date, pages: [page1] }, db);
    expect(again.jumps.unresolved).toEqual([]);
    expect(again.articles).toBe(1);
  });

  it("re-importing with --publish into a live issue keeps its first publication time and clears a schedule", () => {
    const db = openTestDb();
    const pg = { label: "1", pieces: [piece({ title: "寒潮来袭" })] };
    importIssue({ paper, date, publish: true, pages: [pg] }, db);
    const first = db.select().from(issues).get()!;
    db.update(issues).set({ publishedAt: "2026-11-27T00:00:00.000Z", scheduledAt: "2026-11-28T00:00:00.000Z" }).run();
    importIssue({ paper, date, publish: true, pages: [pg] }, db);
    const again = db.select().from(issues).where(eq(issues.id, first.id)).get()!;
    expect(again.publishedAt).toBe("2026-11-27T00:00:00.000Z");
    expect(again.scheduledAt).toBeNull();
  });

  it("merging an article into the one before keeps the merged one's images", () => {
    const db = openTestDb();
    const s = importIssue({ paper, date, pages: [{ label: "1", pieces: [
      piece({ title: "甲", images: [{ src: "/media/a.webp", caption: "甲图" }] }),
      piece({ title: "乙", images: [{ src: "/media/b.webp", caption: "乙图" }] }),
    ] }] }, db);
    const second = db.select({ id: pieces.id }).from(pieces).where(eq(pieces.position, 1)).get()!;
    const { articleId } = mergePiece({ issueId: s.issueId, target, pieceId: second.id }, testActor, db);
    expect(db.select({ images: articles.images }).from(articles).where(eq(articles.id, articleId)).get()!.images.map((i) => i.src))
      .toEqual(["/media/a.webp", "/media/b.webp"]);
  });
});
