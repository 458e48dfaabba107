import { describe, expect, it } from "vitest";
import { openTestDb, testActor } from "./edit-testing";
import { importIssue } from "./imports";
import { linkJump, listJumpsForEdit, unlinkJump } from "./edit-jumps";
import { getArticleForEdit } from "./edit-articles";
import type { PieceInput } from "../../lib/import-types";

const piece = (p: Partial<PieceInput>): PieceInput => ({
  kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: ["正文。"], jumpTo: null, jumpFrom: null, ...p,
});
const actor = testActor;
const target = "t/2026-11-27";

describe("link and unlink", () => {
  it("lists a linked jump, unlinks it into an open pair, and links it again", () => {
    const db = openTestDb();
    const { issueId } = importIssue({ paper: { slug: "t" }, date: "2026-11-27", pages: [
      { label: "1", pieces: [piece({ title: "城市书房开放", paragraphs: ["前文"], jumpTo: "3" })] },
      { label: "3", pieces: [piece({ title: "城市书房", paragraphs: ["后文"], jumpFrom: "1" })] },
    ] }, db);
    const first = listJumpsForEdit(issueId, db);
    expect(first.linked).toHaveLength(1);
    expect(first.open).toEqual([]);
    expect(first.linked[0].to.name).toBe("城市书房");

    const { articleId } = unlinkJump({ issueId, target, pieceId: first.linked[0].to.pieceId }, actor, db);
    const opened = listJumpsForEdit(issueId, db);
    expect(opened.linked).toEqual([]);
    expect(opened.open.map((j) => j.jump)).toEqual(["3"]);
    expect(opened.continuations.map((c) => [c.articleId, c.jump])).toEqual([[articleId, "1"]]);

    linkJump({ issueId, target, fromArticleId: opened.open[0].articleId, toArticleId: articleId }, actor, db);
    const again = listJumpsForEdit(issueId, db);
    expect(again.linked).toHaveLength(1);
    expect(getArticleForEdit(issueId, opened.open[0].articleId, db)!.pieces.map((p) => [p.seq, p.paragraphs[0]]))
      .toEqual([[0, "前文"], [1, "后文"]]);
    expect(getArticleForEdit(issueId, articleId, db)).toBeNull();
  });

  it("refuses to link a jump of another issue and writes nothing", () => {
    const db = openTestDb();
    const a = importIssue({ paper: { slug: "t" }, date: "2026-11-27", pages: [
      { label: "1", pieces: [piece({ title: "甲", jumpTo: "3" })] },
    ] }, db);
    const b = importIssue({ paper: { slug: "t" }, date: "2026-11-28", pages: [
      { label: "3", pieces: [piece({ title: "乙", jumpFrom: "1" })] },
    ] }, db);
    const from = listJumpsForEdit(a.issueId, db).open[0];
    const to = listJumpsForEdit(b.issueId, db).continuations[0];
    expect(() => linkJump({ issueId: a.issueId, target, fromArticleId: from.articleId, toArticleId: to.articleId }, actor, db)).toThrow(/上接/);
    expect(listJumpsForEdit(b.issueId, db).continuations).toHaveLength(1);
  });
});
