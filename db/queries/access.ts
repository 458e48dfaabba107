// A paper's access policy, and the database side of the one access rule in lib/access.ts.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { articles, issues, pages, paperAccess, readerMeter } from "../schema";
import {
  accessToday, canReadFullText as rule, isFreeToAll, OPEN_ACCESS, type AccessContent, type AccessPolicy,
} from "../../lib/access";
import { hasActiveSubscription } from "./subscriptions";
import { recordAudit } from "./audit";

export function getAccessPolicy(paperId: number, db: Db = getDb()): AccessPolicy {
  const row = db.select().from(paperAccess).where(eq(paperAccess.paperId, paperId)).get();
  return row ? { policy: row.policy, freeDays: row.freeDays, freePages: row.freePages, meter: row.meter } : OPEN_ACCESS;
}

/** Policies of several papers at once (search results). */
export function getAccessPolicies(paperIds: number[], db: Db = getDb()): Map<number, AccessPolicy> {
  const out = new Map<number, AccessPolicy>(paperIds.map((id) => [id, OPEN_ACCESS]));
  if (paperIds.length === 0) return out;
  for (const row of db.select().from(paperAccess).where(inArray(paperAccess.paperId, paperIds)).all()) {
    out.set(row.paperId, { policy: row.policy, freeDays: row.freeDays, freePages: row.freePages, meter: row.meter });
  }
  return out;
}

export function setAccessPolicy(paperId: number, policy: AccessPolicy, actor: { id: number; email: string } | null, db: Db = getDb()) {
  if (!Number.isInteger(policy.freeDays) || policy.freeDays < 0 || policy.freeDays > 36_500) throw new RangeError("free days must be 0–36500");
  if (!Number.isInteger(policy.meter) || policy.meter < 0 || policy.meter > 1000) throw new RangeError("meter must be 0–1000");
  writeTx(db, (tx) => {
    const before = getAccessPolicy(paperId, tx);
    const values = { ...policy, updatedAt: new Date().toISOString() };
    tx.insert(paperAccess).values({ paperId, ...values }).onConflictDoUpdate({ target: paperAccess.paperId, set: values }).run();
    recordAudit(tx, actor, { action: "paper.access", target: `paper:${paperId}`, detail: { before, after: policy } });
  });
}

/** Whether anyone at all, anonymous included, reads this content in full. */
export function isFreeContent(paperId: number, content: AccessContent, now = new Date(), db: Db = getDb()): boolean {
  return isFreeToAll(getAccessPolicy(paperId, db), content, accessToday(now));
}

export type FullTextQuery = {
  paperId: number;
  content: AccessContent;
  /** The signed-in reader, if any (db/queries/readers.ts getSessionReader). */
  readerId: number | null;
  /** Set for an article: lets the monthly meter count it (and count it once). */
  articleId?: number;
  now?: Date;
};

/**
 * May this reader read this content's full text now? The question every full-text route asks.
 * With a meter, a signed-in reader's first reads of gated articles this month are recorded here.
 */
export function canReadFullText(q: FullTextQuery, db: Db = getDb()): boolean {
  const now = q.now ?? new Date();
  const policy = getAccessPolicy(q.paperId, db);
  const today = accessToday(now);
  if (isFreeToAll(policy, q.content, today)) return true;
  if (q.readerId == null) return false;
  const subscriber = hasActiveSubscription(q.readerId, q.paperId, now, db);
  if (subscriber || policy.meter <= 0 || q.articleId == null) return rule(policy, q.content, { subscriber }, today);
  return meterRead(q.readerId, q.paperId, q.articleId, policy.meter, today.slice(0, 7), db);
}

/** Counts the article against the month's meter if there is room; true when it may be read. */
function meterRead(readerId: number, paperId: number, articleId: number, meter: number, month: string, db: Db): boolean {
  return writeTx(db, (tx) => {
    const mine = and(eq(readerMeter.readerId, readerId), eq(readerMeter.paperId, paperId), eq(readerMeter.month, month));
    if (tx.select({ a: readerMeter.articleId }).from(readerMeter).where(and(mine, eq(readerMeter.articleId, articleId))).get()) return true;
    const used = tx.select({ n: sql<number>`count(*)` }).from(readerMeter).where(mine).get()?.n ?? 0;
    if (used >= meter) return false;
    tx.insert(readerMeter).values({ readerId, paperId, month, articleId }).run();
    return true;
  });
}

/** Articles left on this month's meter (for the panel). */
export function meterLeft(readerId: number, paperId: number, now = new Date(), db: Db = getDb()): number {
  const policy = getAccessPolicy(paperId, db);
  if (policy.meter <= 0) return 0;
  const month = accessToday(now).slice(0, 7);
  const used = db.select({ n: sql<number>`count(*)` }).from(readerMeter)
    .where(and(eq(readerMeter.readerId, readerId), eq(readerMeter.paperId, paperId), eq(readerMeter.month, month))).get()?.n ?? 0;
  return Math.max(0, policy.meter - used);
}

/** A published article's paper, issue date and first page: what its access is decided on. */
export function getArticleAccessContext(articleId: number, db: Db = getDb()) {
  return db.select({
    articleId: articles.id, paperId: issues.paperId, issueId: issues.id, issueDate: issues.date,
    pageLabel: sql<string>`(select p.label from pieces x join pages p on p.id = x.page_id where x.article_id = ${articles.id} order by x.seq limit 1)`,
  }).from(articles).innerJoin(issues, eq(issues.id, articles.issueId))
    .where(and(eq(articles.id, articleId), eq(issues.status, "published"))).get() ?? null;
}

export type MediaAccess = "public" | "private" | "denied";

/**
 * A stored scan or PDF of a published page carries that page's full text. "public": free to all;
 * "private": this reader may read it (never to be stored by a shared cache); "denied": not this
 * reader. Null when no published page uses the file (the caller's draft rules apply).
 */
export function getMediaAccess(path: string, readerId: number | null, now = new Date(), db: Db = getDb()): MediaAccess | null {
  const rows = db.select({ paperId: issues.paperId, date: issues.date, label: pages.label }).from(pages)
    .innerJoin(issues, eq(issues.id, pages.issueId))
    .where(and(or(eq(pages.imagePath, path), eq(pages.pdfPath, path)), eq(issues.status, "published"))).all();
  if (rows.length === 0) return null;
  const content = (r: (typeof rows)[number]) => ({ issueDate: r.date, pageLabel: r.label });
  if (rows.some((r) => isFreeContent(r.paperId, content(r), now, db))) return "public";
  if (readerId != null && rows.some((r) => canReadFullText({ paperId: r.paperId, content: content(r), readerId, now }, db))) return "private";
  return "denied";
}
