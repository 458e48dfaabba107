import { and, asc, eq } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { articles, pages, pieces, type ArticleImage } from "../schema";

export type ArticleView = {
  id: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  column: string | null;
  byline: string | null;
  images: ArticleImage[];
  /** The story's parts in order, each with the page it is printed on. */
  pieces: { id: number; pageLabel: string; section: string | null; headline: string | null; paragraphs: string[] }[];
};

/** An article of a given issue with all its pieces, or null. The caller checks the issue is visible. */
export function getArticleOfIssue(issueId: number, articleId: number, db: Db = getDb()): ArticleView | null {
  const article = db.select().from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.issueId, issueId))).get();
  if (!article) return null;
  const parts = db.select({
    id: pieces.id, pageLabel: pages.label, section: pages.section, headline: pieces.headline, paragraphs: pieces.paragraphs,
  }).from(pieces).innerJoin(pages, eq(pages.id, pieces.pageId))
    .where(eq(pieces.articleId, articleId)).orderBy(asc(pieces.seq)).all();
  return {
    id: article.id, kicker: article.kicker, title: article.title, subtitle: article.subtitle,
    column: article.column, byline: article.byline, images: article.images, pieces: parts,
  };
}

/** Articles of an issue in page order then reading order: for 上一篇 / 下一篇 and the table of contents. */
export function listArticlesOfIssue(issueId: number, db: Db = getDb()) {
  // An article is listed at its first piece.
  return db.select({ id: articles.id, title: articles.title, kicker: articles.kicker, pageLabel: pages.label, seq: pieces.seq })
    .from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId)).innerJoin(pages, eq(pages.id, pieces.pageId))
    .where(and(eq(articles.issueId, issueId), eq(pieces.seq, 0)))
    .orderBy(asc(pages.position), asc(pieces.position)).all()
    .map(({ seq: _seq, ...rest }) => rest);
}
