// A paper's access policy, and the database side of the one access rule in lib/access.ts.
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { articles, issues, pages, paperAccess, pieces, readerMeter, readerSessions, readers, subscriptions } from "../schema";
import {
  accessToday, canReadFullText as rule, isFreeToAll, OPEN_ACCESS, type AccessContent, type AccessPolicy,
} from "../../lib/access";
import { recordAudit } from "./audit";
import { hashReaderToken, type ReaderView } from "./readers";

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

export type ArticleText = {
  articleId: number;
  paperId: number;
  policy: AccessPolicy;
  /** The article's issue date and first page: what its access is decided on. */
  content: AccessContent;
  pieces: { id: number; pageLabel: string; paragraphs: string[] }[];
};

/**
 * A published article's pieces in order, each row carrying what the access decision needs (the
 * paper, its policy, the issue's date; the first piece's page): the reader's full text costs this
 * one statement, and a separate context or policy read would be a second. Null for a draft's
 * article, an unknown one, or one without pieces.
 */
export function getArticleText(articleId: number, db: Db = getDb()): ArticleText | null {
  const rows = db.select({
    id: pieces.id, pageLabel: pages.label, paragraphs: pieces.paragraphs, paperId: issues.paperId, issueDate: issues.date,
    policy: paperAccess.policy, freeDays: paperAccess.freeDays, freePages: paperAccess.freePages, meter: paperAccess.meter,
  }).from(pieces)
    .innerJoin(articles, eq(articles.id, pieces.articleId))
    .innerJoin(pages, eq(pages.id, pieces.pageId))
    .innerJoin(issues, and(eq(issues.id, pages.issueId), eq(issues.id, articles.issueId)))
    .leftJoin(paperAccess, eq(paperAccess.paperId, issues.paperId))
    .where(and(eq(pieces.articleId, articleId), eq(issues.status, "published")))
    .orderBy(asc(pieces.seq)).all();
  const first = rows[0];
  if (!first) return null;
  const policy: AccessPolicy = first.policy
    ? { policy: first.policy, freeDays: first.freeDays ?? 0, freePages: first.freePages ?? [], meter: first.meter ?? 0 }
    : OPEN_ACCESS;
  return {
    articleId, paperId: first.paperId, policy, content: { issueDate: first.issueDate, pageLabel: first.pageLabel },
    pieces: rows.map((r) => ({ id: r.id, pageLabel: r.pageLabel, paragraphs: r.paragraphs })),
  };
}

/** A signed-in reader's standing with one paper: what the access rule and the meter need. */
export type ReaderPaperStanding = {
  reader: ReaderView;
  subscriber: boolean;
  /** Gated articles of this paper counted on this month's meter. */
  meterUsed: number;
  /** This article is already among them (reading it again costs nothing). */
  meterCounted: boolean;
};

/**
 * Session → reader → live subscription → this month's meter, in one statement. Null for no
 * token, an unknown or expired session. The same session rule as getSessionReader (readers.ts).
 */
export function getReaderStanding(
  q: { token: string | null | undefined; paperId: number; articleId?: number; now?: Date }, db: Db = getDb(),
): ReaderPaperStanding | null {
  if (!q.token || q.token.length > 100) return null;
  const t = (q.now ?? new Date()).toISOString();
  const month = accessToday(q.now).slice(0, 7);
  const meterOfMonth = sql`${readerMeter.readerId} = ${readers.id} and ${readerMeter.paperId} = ${q.paperId} and ${readerMeter.month} = ${month}`;
  const row = db.select({
    id: readers.id, email: readers.email, createdAt: readers.createdAt,
    subscriber: sql<number>`exists (select 1 from ${subscriptions} where ${subscriptions.readerId} = ${readers.id}
      and ${subscriptions.paperId} = ${q.paperId} and ${subscriptions.revokedAt} is null
      and ${subscriptions.startsAt} <= ${t} and ${subscriptions.endsAt} > ${t})`,
    meterUsed: sql<number>`(select count(*) from ${readerMeter} where ${meterOfMonth})`,
    meterCounted: sql<number>`exists (select 1 from ${readerMeter} where ${meterOfMonth} and ${readerMeter.articleId} = ${q.articleId ?? -1})`,
  }).from(readerSessions).innerJoin(readers, eq(readers.id, readerSessions.readerId))
    .where(and(eq(readerSessions.tokenHash, hashReaderToken(q.token)), sql`${readerSessions.expiresAt} > ${t}`)).get();
  if (!row) return null;
  return {
    reader: { id: row.id, email: row.email, createdAt: row.createdAt },
    subscriber: row.subscriber === 1, meterUsed: row.meterUsed, meterCounted: row.meterCounted === 1,
  };
}

export type FullTextAnswer =
  | { kind: "missing" }
  | { kind: "denied"; signedIn: false }
  | { kind: "denied"; signedIn: true; meterLeft: number }
  | { kind: "full"; article: ArticleText };

/**
 * A story's full text for the reader behind `token`: the article read (one statement), then, only
 * when the story is not free to all, the reader's standing (one more). A reader on the meter
 * whose article is not yet counted also has it counted (a write, with the room checked again).
 */
export function readFullText(q: { articleId: number; token: string | null; now?: Date }, db: Db = getDb()): FullTextAnswer {
  const now = q.now ?? new Date();
  const article = getArticleText(q.articleId, db);
  if (!article) return { kind: "missing" };
  const { policy, content, paperId } = article;
  const today = accessToday(now);
  if (isFreeToAll(policy, content, today)) return { kind: "full", article };
  const standing = getReaderStanding({ token: q.token, paperId, articleId: article.articleId, now }, db);
  if (!standing) return { kind: "denied", signedIn: false };
  let meterAllows = false;
  let meterUsed = standing.meterUsed;
  if (!standing.subscriber && policy.meter > 0) {
    if (standing.meterCounted) meterAllows = true;
    else if (meterUsed < policy.meter) {
      meterAllows = meterRead(standing.reader.id, paperId, article.articleId, policy.meter, today.slice(0, 7), db);
      meterUsed = meterAllows ? meterUsed + 1 : policy.meter;
    }
  }
  if (rule(policy, content, { subscriber: standing.subscriber, meterAllows }, today)) return { kind: "full", article };
  return { kind: "denied", signedIn: true, meterLeft: policy.meter > 0 ? Math.max(0, policy.meter - meterUsed) : 0 };
}

export type MediaAccess = "public" | "private" | "denied";

/**
 * A stored scan or PDF of a published page carries that page's full text. "public": free to all;
 * "private": this reader may read it (never to be stored by a shared cache); "denied": not this
 * reader. Null when no published page uses the file (the caller's draft rules apply).
 */
export function getMediaAccess(path: string, token: string | null, now = new Date(), db: Db = getDb()): MediaAccess | null {
  // One statement for the pages using the file and their papers' policies; a reader's standing
  // is one more, and only when the file is not free to all.
  const rows = db.select({
    paperId: issues.paperId, date: issues.date, label: pages.label,
    policy: paperAccess.policy, freeDays: paperAccess.freeDays, freePages: paperAccess.freePages, meter: paperAccess.meter,
  }).from(pages)
    .innerJoin(issues, eq(issues.id, pages.issueId))
    .leftJoin(paperAccess, eq(paperAccess.paperId, issues.paperId))
    .where(and(or(eq(pages.imagePath, path), eq(pages.pdfPath, path)), eq(issues.status, "published"))).all();
  if (rows.length === 0) return null;
  const today = accessToday(now);
  const policyOf = (r: (typeof rows)[number]): AccessPolicy =>
    r.policy ? { policy: r.policy, freeDays: r.freeDays ?? 0, freePages: r.freePages ?? [], meter: r.meter ?? 0 } : OPEN_ACCESS;
  const content = (r: (typeof rows)[number]) => ({ issueDate: r.date, pageLabel: r.label });
  if (rows.some((r) => isFreeToAll(policyOf(r), content(r), today))) return "public";
  if (!token) return "denied";
  for (const r of rows) {
    const standing = getReaderStanding({ token, paperId: r.paperId, now }, db);
    if (!standing) return "denied";
    if (rule(policyOf(r), content(r), { subscriber: standing.subscriber }, today)) return "private";
  }
  return "denied";
}

export type FullTextAccess = "public" | "private" | "denied";

/**
 * Whether the reader behind `token` may have the full text of these pages of one issue (a page's
 * ALTO, the whole issue's PDF): "public" when free to all (shared caches may keep it), "private"
 * for a reader whose subscription covers every page (never stored by a shared cache), else
 * "denied". One read for the policy, and one more for the reader's standing when it matters.
 */
export function getPagesAccess(
  q: { paperId: number; issueDate: string; labels: string[]; token: string | null; now?: Date }, db: Db = getDb(),
): FullTextAccess {
  const now = q.now ?? new Date();
  const policy = getAccessPolicy(q.paperId, db);
  const today = accessToday(now);
  const contents = q.labels.map((pageLabel) => ({ issueDate: q.issueDate, pageLabel }));
  if (contents.every((c) => isFreeToAll(policy, c, today))) return "public";
  if (!q.token) return "denied";
  const standing = getReaderStanding({ token: q.token, paperId: q.paperId, now }, db);
  if (standing && contents.every((c) => rule(policy, c, { subscriber: standing.subscriber }, today))) return "private";
  return "denied";
}
