import { describe, expect, it } from "vitest";
import { openTestDb, testActor } from "./edit-testing";
import { auditLog } from "../schema";
import { getPublishedIssue } from "./issues";
import {
  changeIssueStatus, createIssue, createPaper, EditError, getIssueWithPaperForEdit, listPapersWithIssuesForEdit,
  promoteDueIssues, scheduleIssue,
} from "./edit-issues";

const actor = testActor;

describe("issues in the back office", () => {
  it("creates a paper and a draft issue, refusing duplicates without writing", () => {
    const db = openTestDb();
    createPaper({ slug: "t", name: "测试日报", motto: null }, actor, db);
    expect(() => createPaper({ slug: "t", name: "重复", motto: null }, actor, db)).toThrow(EditError);
    createIssue({ paperSlug: "t", date: "2026-11-27", number: 9 }, actor, db);
    expect(() => createIssue({ paperSlug: "t", date: "2026-11-27", number: 10 }, actor, db)).toThrow(/已经存在/);
    expect(() => createIssue({ paperSlug: "nope", date: "2026-11-27", number: null }, actor, db)).toThrow(/没有这份报纸/);
    const [paper] = listPapersWithIssuesForEdit(db);
    expect(paper.issues.map((i) => [i.date, i.number, i.status])).toEqual([["2026-11-27", 9, "draft"]]);
    expect(db.select().from(auditLog).all().map((r) => r.action)).toEqual(["paper.create", "issue.create"]);
  });

  it("publishes, unpublishes and audits in the same transaction", () => {
    const db = openTestDb();
    createPaper({ slug: "t", name: "测试日报", motto: null }, actor, db);
    const { id } = createIssue({ paperSlug: "t", date: "2026-11-27", number: null }, actor, db);
    changeIssueStatus({ paperSlug: "t", date: "2026-11-27", status: "published" }, actor, db);
    expect(getPublishedIssue(1, "2026-11-27", db)?.id).toBe(id);
    changeIssueStatus({ paperSlug: "t", date: "2026-11-27", status: "draft" }, actor, db);
    expect(getPublishedIssue(1, "2026-11-27", db)).toBeNull();
    expect(() => changeIssueStatus({ paperSlug: "t", date: "2026-11-28", status: "published" }, actor, db)).toThrow(EditError);
    expect(db.select().from(auditLog).all().map((r) => r.action).slice(-2)).toEqual(["issue.publish", "issue.unpublish"]);
  });

  it("schedules for later; the timer publishes only what is due", () => {
    const db = openTestDb();
    createPaper({ slug: "t", name: "测试日报", motto: null }, actor, db);
    createIssue({ paperSlug: "t", date: "2026-11-27", number: null }, actor, db);
    createIssue({ paperSlug: "t", date: "2026-11-28", number: null }, actor, db);
    const now = new Date("2026-11-26T12:00:00Z");
    expect(() => scheduleIssue({ paperSlug: "t", date: "2026-11-27", at: "2026-11-26T11:00:00.000Z" }, actor, db, now)).toThrow(/晚于现在/);
    scheduleIssue({ paperSlug: "t", date: "2026-11-27", at: "2026-11-26T20:00:00.000Z" }, actor, db, now);
    scheduleIssue({ paperSlug: "t", date: "2026-11-28", at: "2026-11-27T20:00:00.000Z" }, actor, db, now);
    expect(getIssueWithPaperForEdit("t", "2026-11-27", db)?.status).toBe("scheduled");
    expect(getPublishedIssue(1, "2026-11-27", db)).toBeNull();
    expect(promoteDueIssues(db, new Date("2026-11-26T19:59:00Z"))).toEqual([]);
    expect(promoteDueIssues(db, new Date("2026-11-26T20:00:01Z"))).toEqual([{ paper: "t", date: "2026-11-27" }]);
    const issue = getIssueWithPaperForEdit("t", "2026-11-27", db)!;
    expect([issue.status, issue.scheduledAt]).toEqual(["published", null]);
    expect(getIssueWithPaperForEdit("t", "2026-11-28", db)?.status).toBe("scheduled");
  });
});
