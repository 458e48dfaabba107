// The back office's writes and reads of papers and issues. Reads here see drafts and say so
// (…ForEdit). Every write runs in one immediate transaction with its audit record, so a
// failure leaves neither the change nor a record of it.
import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { issues, papers, type IssueStatus } from "../schema";
import { getIssueWithPaperForEdit, setIssueStatus } from "./issues";
import { recordAudit } from "./audit";
import { confirmUncertainLinks } from "./imports";

export type EditActor = { id: number; email: string } | null;

import { EditError } from "../../lib/errors";

export { EditError };

export type IssueListItem = {
  id: number; date: string; number: number | null; status: IssueStatus;
  scheduledAt: string | null; publishedAt: string | null; pageCount: number;
};

/** Every paper with its issues, newest first: the back office's front page. */
export function listPapersWithIssuesForEdit(db: Db = getDb()) {
  const paperRows = db.select({ id: papers.id, slug: papers.slug, name: papers.name, motto: papers.motto })
    .from(papers).orderBy(asc(papers.id)).all();
  const issueRows = db.select({
    id: issues.id, paperId: issues.paperId, date: issues.date, number: issues.number, status: issues.status,
    scheduledAt: issues.scheduledAt, publishedAt: issues.publishedAt,
    pageCount: sql<number>`(select count(*) from pages where pages.issue_id = issues.id)`,
  }).from(issues).orderBy(desc(issues.date)).all();
  return paperRows.map((p) => ({
    ...p,
    issues: issueRows.filter((i) => i.paperId === p.id).map(({ paperId: _p, ...i }) => i as IssueListItem),
  }));
}

// The editor's issue lookup lives beside the issue's status rules; re-exported for the editor.
export { getIssueWithPaperForEdit, type IssueForEdit } from "./issues";

export function createPaper(
  input: { slug: string; name: string; motto: string | null }, actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    if (tx.select({ id: papers.id }).from(papers).where(eq(papers.slug, input.slug)).get()) {
      throw new EditError("conflict", `报纸标识 ${input.slug} 已被使用`);
    }
    const isFirst = !tx.select({ id: papers.id }).from(papers).limit(1).get();
    const row = tx.insert(papers).values({ ...input, isDefault: isFirst }).returning({ id: papers.id }).get();
    recordAudit(tx, actor, { action: "paper.create", target: input.slug, detail: { name: input.name } });
    return row;
  });
}

export function createIssue(
  input: { paperSlug: string; date: string; number: number | null }, actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const paper = tx.select({ id: papers.id }).from(papers).where(eq(papers.slug, input.paperSlug)).get();
    if (!paper) throw new EditError("not_found", "没有这份报纸");
    if (getIssueWithPaperForEdit(input.paperSlug, input.date, tx)) throw new EditError("conflict", `${input.date} 的这一期已经存在`);
    const row = tx.insert(issues).values({ paperId: paper.id, date: input.date, number: input.number, status: "draft" })
      .returning({ id: issues.id }).get();
    recordAudit(tx, actor, { action: "issue.create", target: `${input.paperSlug}/${input.date}`, detail: { number: input.number } });
    return row;
  });
}

/**
 * Publishes or unpublishes now, through issues.ts (which also keeps any search index in step).
 * Publishing an issue with jump links nobody has checked needs `confirmLinks`: the editor's
 * word that they read them, recorded with the publication.
 */
export function changeIssueStatus(
  input: {
    paperSlug: string; date: string; status: "published" | "draft"; confirmLinks?: boolean;
    /** The command line publishes anyway and reports the unconfirmed links instead. */
    via?: "cli";
  },
  actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const issue = getIssueWithPaperForEdit(input.paperSlug, input.date, tx);
    if (!issue) throw new EditError("not_found", "没有这一期");
    if (input.status === "published" && input.via !== "cli") {
      requireConfirmedLinks(tx, issue.id, input.confirmLinks, actor, `${input.paperSlug}/${input.date}`);
    }
    const result = setIssueStatus(input, tx);
    recordAudit(tx, actor, {
      action: input.status === "published" ? "issue.publish" : "issue.unpublish",
      target: `${input.paperSlug}/${input.date}`, detail: { previous: result.previous, ...(input.via ? { via: input.via } : {}) },
    });
    return result;
  });
}

/** Sets an issue to go live at `at` (an ISO instant in the future); readers see nothing until then. */
export function scheduleIssue(
  input: { paperSlug: string; date: string; at: string; confirmLinks?: boolean }, actor: EditActor, db: Db = getDb(), now = new Date(),
) {
  return writeTx(db, (tx) => {
    const issue = getIssueWithPaperForEdit(input.paperSlug, input.date, tx);
    if (!issue) throw new EditError("not_found", "没有这一期");
    if (issue.status === "published") throw new EditError("invalid", "这一期已经发布；要定时发布请先撤回");
    requireConfirmedLinks(tx, issue.id, input.confirmLinks, actor, `${input.paperSlug}/${input.date}`);
    if (Date.parse(input.at) <= now.getTime()) throw new EditError("invalid", "定时发布的时间必须晚于现在");
    tx.update(issues).set({ status: "scheduled", scheduledAt: input.at, updatedAt: now.toISOString() })
      .where(eq(issues.id, issue.id)).run();
    recordAudit(tx, actor, { action: "issue.schedule", target: `${input.paperSlug}/${input.date}`, detail: { at: input.at } });
    return { issueId: issue.id };
  });
}

/**
 * Publishes every scheduled issue whose time has come. Called on a timer by the server
 * (scripts/serve.ts); returns what it published so the caller can refresh readers' caches.
 */
export function promoteDueIssues(db: Db = getDb(), now = new Date()) {
  // A read first: no write transaction (and no wait for the lock) when nothing is due, which
  // is nearly always.
  const anyDue = db.select({ id: issues.id }).from(issues)
    .where(and(eq(issues.status, "scheduled"), lte(issues.scheduledAt, now.toISOString()))).limit(1).get();
  if (!anyDue) return [];
  return writeTx(db, (tx) => {
    const due = tx.select({ slug: papers.slug, date: issues.date }).from(issues)
      .innerJoin(papers, eq(papers.id, issues.paperId))
      .where(and(eq(issues.status, "scheduled"), lte(issues.scheduledAt, now.toISOString()))).all();
    for (const d of due) {
      setIssueStatus({ paperSlug: d.slug, date: d.date, status: "published" }, tx);
      recordAudit(tx, null, { action: "issue.publish.scheduled", target: `${d.slug}/${d.date}` });
    }
    return due.map((d) => ({ paper: d.slug, date: d.date }));
  });
}

/** Refuses to put an issue before readers while a jump link awaits confirmation, unless confirmed now. */
function requireConfirmedLinks(tx: Db, issueId: number, confirm: boolean | undefined, actor: EditActor, target: string) {
  const n = confirmUncertainLinks(tx, issueId, !!confirm);
  if (n > 0 && !confirm) {
    throw new EditError("unconfirmed", `有 ${n} 处转版是按版面顺序自动接上的，尚未核对：请在“转版”一栏逐一确认或断开，或勾选“已核对全部转版”后再发布`);
  }
  if (n > 0) recordAudit(tx, actor, { action: "jump.confirm", target, detail: { count: n, atPublish: true } });
}
