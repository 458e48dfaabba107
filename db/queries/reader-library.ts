// What a reader keeps across devices: 收藏 (bookmarks), reading history, preferences.
// Only articles of published issues are listed back; an article that left (unpublished, deleted)
// simply drops out.
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { articles, issues, papers, readerBookmarks, readerHistory, readerPrefs } from "../schema";

export type SavedArticle = {
  articleId: number; paperSlug: string; paperName: string; date: string; pageLabel: string;
  title: string | null; kicker: string | null; at: string; progress?: number;
};

/** The published article's id and paper, or null: readers may only keep what they can see. */
export function findPublishedArticle(articleId: number, db: Db = getDb()) {
  return db.select({ id: articles.id, paperId: issues.paperId }).from(articles)
    .innerJoin(issues, eq(issues.id, articles.issueId))
    .where(and(eq(articles.id, articleId), eq(issues.status, "published"))).get() ?? null;
}

const listed = {
  articleId: articles.id, paperSlug: papers.slug, paperName: papers.name, date: issues.date,
  pageLabel: sql<string>`(select p.label from pieces x join pages p on p.id = x.page_id where x.article_id = ${articles.id} order by x.seq limit 1)`,
  title: articles.title, kicker: articles.kicker,
};

export function listBookmarks(readerId: number, limit = 200, db: Db = getDb()): SavedArticle[] {
  return db.select({ ...listed, at: readerBookmarks.createdAt }).from(readerBookmarks)
    .innerJoin(articles, eq(articles.id, readerBookmarks.articleId)).innerJoin(issues, eq(issues.id, articles.issueId))
    .innerJoin(papers, eq(papers.id, issues.paperId))
    .where(and(eq(readerBookmarks.readerId, readerId), eq(issues.status, "published")))
    .orderBy(desc(readerBookmarks.createdAt)).limit(limit).all();
}

export function isBookmarked(readerId: number, articleId: number, db: Db = getDb()): boolean {
  return !!db.select({ a: readerBookmarks.articleId }).from(readerBookmarks)
    .where(and(eq(readerBookmarks.readerId, readerId), eq(readerBookmarks.articleId, articleId))).get();
}

export function setBookmark(readerId: number, articleId: number, on: boolean, now = new Date(), db: Db = getDb()) {
  writeTx(db, (tx) => {
    if (on) tx.insert(readerBookmarks).values({ readerId, articleId, createdAt: now.toISOString() }).onConflictDoNothing().run();
    else tx.delete(readerBookmarks).where(and(eq(readerBookmarks.readerId, readerId), eq(readerBookmarks.articleId, articleId))).run();
  });
}

/** Records a read: the latest time and the furthest point reached. */
export function recordRead(readerId: number, articleId: number, progress: number, now = new Date(), db: Db = getDb()) {
  const p = Math.min(1, Math.max(0, progress));
  writeTx(db, (tx) => tx.insert(readerHistory).values({ readerId, articleId, readAt: now.toISOString(), progress: p })
    .onConflictDoUpdate({
      target: [readerHistory.readerId, readerHistory.articleId],
      set: { readAt: now.toISOString(), progress: sql`max(${readerHistory.progress}, ${p})` },
    }).run());
}

export function listHistory(readerId: number, limit = 100, db: Db = getDb()): SavedArticle[] {
  return db.select({ ...listed, at: readerHistory.readAt, progress: readerHistory.progress }).from(readerHistory)
    .innerJoin(articles, eq(articles.id, readerHistory.articleId)).innerJoin(issues, eq(issues.id, articles.issueId))
    .innerJoin(papers, eq(papers.id, issues.paperId))
    .where(and(eq(readerHistory.readerId, readerId), eq(issues.status, "published")))
    .orderBy(desc(readerHistory.readAt)).limit(limit).all();
}

/** 继续阅读: the most recent story not read to its end. */
export function continueReading(readerId: number, db: Db = getDb()): SavedArticle | null {
  return listHistory(readerId, 20, db).find((h) => (h.progress ?? 0) < 0.95) ?? null;
}

export function clearHistory(readerId: number, db: Db = getDb()) {
  writeTx(db, (tx) => tx.delete(readerHistory).where(eq(readerHistory.readerId, readerId)).run());
}

export function getReaderPrefs(readerId: number, db: Db = getDb()): { prefs: Record<string, unknown>; updatedAt: string } | null {
  return db.select({ prefs: readerPrefs.prefs, updatedAt: readerPrefs.updatedAt }).from(readerPrefs)
    .where(eq(readerPrefs.readerId, readerId)).get() ?? null;
}

export function saveReaderPrefs(readerId: number, prefs: Record<string, unknown>, now = new Date(), db: Db = getDb()) {
  const updatedAt = now.toISOString();
  writeTx(db, (tx) => tx.insert(readerPrefs).values({ readerId, prefs, updatedAt })
    .onConflictDoUpdate({ target: readerPrefs.readerId, set: { prefs, updatedAt } }).run());
  return { prefs, updatedAt };
}

