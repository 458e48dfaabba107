import { describe, expect, it } from "vitest";
import { openTestDb, testActor } from "./edit-testing";
import { auditLog } from "../schema";
import { createIssue, createPaper, EditError } from "./edit-issues";
import { addPage, deletePage, getMediaOwnerStatus, listPagesForEdit, movePage, savePageText, saveZones, setPageMedia } from "./edit-pages";
import { changeIssueStatus } from "./edit-issues";
import { listPiecesOnPageForEdit } from "./pages";
import { listJumpsForEdit } from "./edit-jumps";
import type { PieceInput } from "../../lib/import-types";

const actor = testActor;
const target = "t/2026-11-27";
const piece = (p: Partial<PieceInput>): PieceInput => ({
  kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: ["正文。"], jumpTo: null, jumpFrom: null, ...p,
});

function issue() {
  const db = openTestDb();
  createPaper({ slug: "t", name: "测试日报", motto: null }, actor, db);
  const { id } = createIssue({ paperSlug: "t", date: "2026-11-27", number: null }, actor, db);
  return { db, issueId: id };
}

describe("pages in the back office", () => {
  it("adds, reorders and deletes pages, keeping positions contiguous", () => {
    const { db, issueId } = issue();
    for (const label of ["1", "2", "3"]) addPage({ issueId, target, label, section: null }, actor, db);
    expect(() => addPage({ issueId, target, label: "2", section: null }, actor, db)).toThrow(EditError);
    const [p1] = listPagesForEdit(issueId, db);
    movePage({ issueId, target, pageId: p1.id, direction: 1 }, actor, db);
    expect(listPagesForEdit(issueId, db).map((p) => p.label)).toEqual(["2", "1", "3"]);
    deletePage({ issueId, target, pageId: p1.id }, actor, db);
    expect(listPagesForEdit(issueId, db).map((p) => [p.label, p.position])).toEqual([["2", 0], ["3", 1]]);
  });

  it("saves a page's text and links its jumps; deleting the page reopens them", () => {
    const { db, issueId } = issue();
    addPage({ issueId, target, label: "1", section: "要闻" }, actor, db);
    addPage({ issueId, target, label: "3", section: null }, actor, db);
    savePageText({ paperSlug: "t", date: "2026-11-27", label: "1", pieces: [piece({ title: "甲", jumpTo: "3" })] }, actor, db);
    const s = savePageText({ paperSlug: "t", date: "2026-11-27", label: "3", pieces: [piece({ title: "甲", jumpFrom: "1" })] }, actor, db);
    expect(s.jumps.linked).toHaveLength(1);
    expect(listPagesForEdit(issueId, db).map((p) => [p.section, p.pieceCount])).toEqual([["要闻", 1], [null, 1]]);
    deletePage({ issueId, target, pageId: listPagesForEdit(issueId, db)[1].id }, actor, db);
    expect(listJumpsForEdit(issueId, db).open).toHaveLength(1);
    expect(() => savePageText({ paperSlug: "t", date: "2026-11-27", label: "3", pieces: [] }, actor, db)).toThrow(/没有这个版面/);
  });

  it("stores zones only for pieces of that page; a bad one rolls back the rest", () => {
    const { db, issueId } = issue();
    addPage({ issueId, target, label: "1", section: null }, actor, db);
    savePageText({ paperSlug: "t", date: "2026-11-27", label: "1", pieces: [piece({ title: "甲" }), piece({ title: "乙" })] }, actor, db);
    const page = listPagesForEdit(issueId, db)[0];
    const [a, b] = listPiecesOnPageForEdit(page.id, db);
    const auditBefore = db.select().from(auditLog).all().length;
    expect(() => saveZones({ issueId, target, pageId: page.id, zones: [
      { pieceId: a.id, zones: [{ x: 0.1, y: 0.1, w: 0.5, h: 0.2 }] }, { pieceId: 424242, zones: [] },
    ] }, actor, db)).toThrow(EditError);
    expect(listPiecesOnPageForEdit(page.id, db)[0].zones).toEqual([]);
    expect(db.select().from(auditLog).all().length).toBe(auditBefore);
    // An L-shaped story: two rectangles, one zone.
    const L = [{ x: 0, y: 0.5, w: 1, h: 0.2 }, { x: 0.5, y: 0.7, w: 0.5, h: 0.3 }];
    saveZones({ issueId, target, pageId: page.id, zones: [{ pieceId: b.id, zones: L }] }, actor, db);
    expect(listPiecesOnPageForEdit(page.id, db)[1].zones).toEqual(L);
    expect(listPiecesOnPageForEdit(page.id, db)[1].zone).toEqual({ x: 0, y: 0.5, w: 1, h: 0.5 });
  });

  it("tells whether a media file belongs to a published issue", () => {
    const { db, issueId } = issue();
    const { id } = addPage({ issueId, target, label: "1", section: null }, actor, db);
    setPageMedia({ issueId, target, pageId: id, image: { path: "/media/a.webp", width: 10, height: 20 }, pdfPath: "/media/b.pdf" }, actor, db);
    expect(getMediaOwnerStatus("/media/a.webp", db)).toBe("draft");
    changeIssueStatus({ paperSlug: "t", date: "2026-11-27", status: "published" }, actor, db);
    expect(getMediaOwnerStatus("/media/b.pdf", db)).toBe("published");
    expect(getMediaOwnerStatus("/media/c.webp", db)).toBeNull();
  });
});
