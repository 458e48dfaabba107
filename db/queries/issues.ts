import { and, asc, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { getDb, writeTx, type Db } from "../client";
import { issues, pages, papers, type Issue } from "../schema";
import { indexIssue, reindexIssueIfPublished, unindexIssue } from "./search";

export type IssueView = Pick<Issue, "id" | "date" | "number" | "status" | "publishedAt">;
export type PageSummary = {
  id: number;
  label: string;
  position: number;
  section: string | null;
  imagePath: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  pdfPath: string | null;
};

const issueColumns = {
  id: issues.id,
  date: issues.date,
  number: issues.number,
  status: issues.status,
  publishedAt: issues.publishedAt,
};

const published = eq(issues.status, "published");

/** A published issue of a paper on a date, or null (drafts never come back from here). */
export function getPublishedIssue(paperId: number, date: string, db: Db = getDb()): IssueView | null {
  return (
    db.select(issueColumns).from(issues)
      .where(and(eq(issues.paperId, paperId), eq(issues.date, date), published))
      .get() ?? null
  );
}

export function getLatestPublishedIssue(paperId: number, db: Db = getDb()): IssueView | null {
  return (
    db.select(issueColumns).from(issues)
      .where(and(eq(issues.paperId, paperId), published))
      .orderBy(desc(issues.date)).limit(1).get() ?? null
  );
}

/** The published issues just before and after a date, for 上一期 / 下一期. */
export function getAdjacentPublishedDates(paperId: number, date: string, db: Db = getDb()) {
  const prev = db.select({ date: issues.date }).from(issues)
    .where(and(eq(issues.paperId, paperId), published, lt(issues.date, date)))
    .orderBy(desc(issues.date)).limit(1).get();
  const next = db.select({ date: issues.date }).from(issues)
    .where(and(eq(issues.paperId, paperId), published, gt(issues.date, date)))
    .orderBy(asc(issues.date)).limit(1).get();
  return { prev: prev?.date ?? null, next: next?.date ?? null };
}

/** Dates of published issues in a month ("2026-11"), for the 往期回顾 calendar. */
export function listPublishedDatesInMonth(paperId: number, month: string, db: Db = getDb()): string[] {
  return db.select({ date: issues.date }).from(issues)
    .where(and(eq(issues.paperId, paperId), published, sql`substr(${issues.date}, 1, 7) = ${month}`))
    .orderBy(asc(issues.date)).all().map((r) => r.date);
}

/** The first and last published dates of a paper, to bound the calendar. */
export function getPublishedDateRange(paperId: number, db: Db = getDb()) {
  const row = db.select({ first: sql<string | null>`min(${issues.date})`, last: sql<string | null>`max(${issues.date})` })
    .from(issues).where(and(eq(issues.paperId, paperId), published)).get();
  return { first: row?.first ?? null, last: row?.last ?? null };
}

const pageColumns = {
  id: pages.id, label: pages.label, position: pages.position, section: pages.section,
  imagePath: pages.imagePath, imageWidth: pages.imageWidth, imageHeight: pages.imageHeight, pdfPath: pages.pdfPath,
};

/** Which published issue a reader asks for: the paper and the printed date. */
export type PublishedIssueRef = { paperId: number; date: string };

/** The published issue's id as a subquery, for reader queries that filter on it themselves. */
export function publishedIssueId(db: Db, ref: PublishedIssueRef) {
  return db.select({ id: issues.id }).from(issues)
    .where(and(eq(issues.paperId, ref.paperId), eq(issues.date, ref.date), published));
}

/** The pages of a published issue in order; none for a draft. */
export function listPublishedPages(ref: PublishedIssueRef, db: Db = getDb()): PageSummary[] {
  return db.select(pageColumns).from(pages)
    .where(inArray(pages.issueId, publishedIssueId(db, ref)))
    .orderBy(asc(pages.position)).all();
}

// ---- Editor side: these see drafts and say so in their names. ----

export function listPagesOfIssueForEdit(issueId: number, db: Db = getDb()): PageSummary[] {
  return db.select(pageColumns).from(pages).where(eq(pages.issueId, issueId)).orderBy(asc(pages.position)).all();
}

/** An issue and its paper, whatever the status; null when the paper has no issue that day. */
export function getIssueWithPaperForEdit(paperSlug: string, date: string, db: Db = getDb()) {
  return db.select({
    ...issueColumns, paperId: issues.paperId, scheduledAt: issues.scheduledAt, updatedAt: issues.updatedAt,
    paper: { id: papers.id, slug: papers.slug, name: papers.name, motto: papers.motto },
  }).from(issues).innerJoin(papers, eq(papers.id, issues.paperId))
    .where(and(eq(papers.slug, paperSlug), eq(issues.date, date))).get() ?? null;
}
export type IssueForEdit = NonNullable<ReturnType<typeof getIssueWithPaperForEdit>>;

export class IssueNotFoundError extends AppError {
  constructor(message: string) { super("not_found", message); }
}

/** Publishes (or unpublishes) an issue; returns the ids touched, for cache invalidation. */
export function setIssueStatus(
  { paperSlug, date, status }: { paperSlug: string; date: string; status: "published" | "draft" },
  db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const issue = getIssueWithPaperForEdit(paperSlug, date, tx);
    if (!issue) throw new IssueNotFoundError(`no issue of ${paperSlug} on ${date}`);
    const now = new Date().toISOString();
    tx.update(issues).set({
      status,
      publishedAt: status === "published" ? (issue.status === "published" ? issue.publishedAt : now) : null,
      scheduledAt: null,
      updatedAt: now,
    }).where(eq(issues.id, issue.id)).run();
    // Same transaction: findable the moment it is published, gone the moment it is not.
    if (status === "published") indexIssue(tx, issue.id);
    else unindexIssue(tx, issue.id);
    return { issueId: issue.id, paperId: issue.paperId, previous: issue.status, status };
  });
}

/** Call in the transaction of every edit to an issue's pages or articles: readers' search follows. */
export function markIssueEdited(tx: Db, issueId: number) {
  tx.update(issues).set({ updatedAt: new Date().toISOString() }).where(eq(issues.id, issueId)).run();
  reindexIssueIfPublished(tx, issueId);
}
