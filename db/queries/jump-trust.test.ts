// Never stitch the wrong story: links by reading order only where nothing contradicts them,
// every doubtful link marked, and publishing asks for the editor's confirmation.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDb, testActor } from "./edit-testing";
import { importIssue } from "./imports";
import { confirmJump, listJumpsForEdit, listUncertainLinksForEdit } from "./edit-jumps";
import { changeIssueStatus, EditError, scheduleIssue } from "./edit-issues";
import { getArticleForEdit } from "./edit-articles";
import { auditLog } from "../schema";
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
