import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { publishedIssueId, type PublishedIssueRef } from "./issues";
import { getDb, type Db } from "../client";
import { articles, pages, pieces, type ArticleImage } from "../schema";

export type ArticleWithPieces = {
  id: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  column: string | null;
  byline: string | null;
  images: ArticleImage[];
  /** The article's pieces in order, each with the page it is printed on. */
  pieces: { id: number; pageLabel: string; section: string | null; headline: string | null; paragraphs: string[] }[];
};

/** An article of a published issue with all its pieces; null for a draft's. */
export function getPublishedArticle(ref: PublishedIssueRef & { articleId: number }, db: Db = getDb()): ArticleWithPieces | null {
  const article = db.select().from(articles)
    .where(and(eq(articles.id, ref.articleId), inArray(articles.issueId, publishedIssueId(db, ref)))).get();
  return article ? withPieces(article, db) : null;
}

/** An article of any issue, drafts included: the back office and preview only. */
export function getArticleOfIssueForEdit(issueId: number, articleId: number, db: Db = getDb()): ArticleWithPieces | null {
  const article = db.select().from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.issueId, issueId))).get();
  return article ? withPieces(article, db) : null;
}

function withPieces(article: typeof articles.$inferSelect, db: Db): ArticleWithPieces {
  const articleId = article.id;
  const parts = db.select({
    id: pieces.id, pageLabel: pages.label, section: pages.section, headline: pieces.headline, paragraphs: pieces.paragraphs,
  }).from(pieces).innerJoin(pages, eq(pages.id, pieces.pageId))
    .where(eq(pieces.articleId, articleId)).orderBy(asc(pieces.seq)).all();
  return {
    id: article.id, kicker: article.kicker, title: article.title, subtitle: article.subtitle,
    column: article.column, byline: article.byline, images: article.images, pieces: parts,
  };
}

/** Articles of a published issue in page order then reading order (上一篇 / 下一篇, the table of contents). */
export function listPublishedArticles(ref: PublishedIssueRef, db: Db = getDb()) {
  return articlesInOrder(db, inArray(articles.issueId, publishedIssueId(db, ref)));
}

export function listArticlesOfIssueForEdit(issueId: number, db: Db = getDb()) {
  return articlesInOrder(db, eq(articles.issueId, issueId));
}

function articlesInOrder(db: Db, ofIssue: SQL) {
  // An article is listed at its first piece.
  return db.select({ id: articles.id, title: articles.title, kicker: articles.kicker, pageLabel: pages.label, seq: pieces.seq })
    .from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId)).innerJoin(pages, eq(pages.id, pieces.pageId))
    .where(and(ofIssue, eq(pieces.seq, 0)))
    .orderBy(asc(pages.position), asc(pieces.position)).all()
    .map(({ seq: _seq, ...rest }) => rest);
}
