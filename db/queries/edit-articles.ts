// The back office's article edits: fields, paragraphs, split and merge. Every change takes the
// issue the URL named and refuses records of another issue. Pieces' seq stay 0, 1, 2 … per
// article, and positions stay 0, 1, 2 … per page.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { renumberPieces } from "./pieces";
import { markIssueEdited } from "./issues";
import { articles, pages, pieces } from "../schema";
import { recordAudit } from "./audit";
import { EditError, type EditActor } from "./edit-issues";

export type ArticleFields = {
  kicker: string | null; title: string | null; subtitle: string | null; column: string | null; byline: string | null;
};

export function getArticleForEdit(issueId: number, articleId: number, db: Db = getDb()) {
  const article = db.select({
    id: articles.id, kicker: articles.kicker, title: articles.title, subtitle: articles.subtitle,
    column: articles.column, byline: articles.byline,
  }).from(articles).where(and(eq(articles.id, articleId), eq(articles.issueId, issueId))).get();
  if (!article) return null;
  const parts = db.select({
    id: pieces.id, seq: pieces.seq, position: pieces.position, headline: pieces.headline, paragraphs: pieces.paragraphs,
    jumpTo: pieces.jumpTo, jumpFrom: pieces.jumpFrom, pageLabel: pages.label, section: pages.section,
  }).from(pieces).innerJoin(pages, eq(pages.id, pieces.pageId))
    .where(eq(pieces.articleId, articleId)).orderBy(asc(pieces.seq)).all();
  return { ...article, pieces: parts };
}
export type ArticleForEdit = NonNullable<ReturnType<typeof getArticleForEdit>>;

function requirePiece(tx: Db, issueId: number, pieceId: number) {
  const row = tx.select({
    id: pieces.id, articleId: pieces.articleId, pageId: pieces.pageId, seq: pieces.seq, position: pieces.position,
    paragraphs: pieces.paragraphs, jumpTo: pieces.jumpTo, jumpFrom: pieces.jumpFrom,
  }).from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId))
    .where(and(eq(pieces.id, pieceId), eq(articles.issueId, issueId))).get();
  if (!row) throw new EditError("not_found", "这一期没有这段文字");
  return row;
}

/** Saves an article's fields and the paragraphs (and jump headline) of each of its pieces. */
export function updateArticle(
  input: {
    issueId: number; target: string; articleId: number; fields: ArticleFields;
    pieces: { pieceId: number; headline: string | null; paragraphs: string[] }[];
  },
  actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const article = tx.select({ id: articles.id }).from(articles)
      .where(and(eq(articles.id, input.articleId), eq(articles.issueId, input.issueId))).get();
    if (!article) throw new EditError("not_found", "这一期没有这篇文章");
    tx.update(articles).set(input.fields).where(eq(articles.id, article.id)).run();
    for (const p of input.pieces) {
      const piece = requirePiece(tx, input.issueId, p.pieceId);
      if (piece.articleId !== article.id) throw new EditError("not_found", "这段文字不属于这篇文章");
      tx.update(pieces).set({ headline: p.headline, paragraphs: p.paragraphs }).where(eq(pieces.id, piece.id)).run();
    }
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "article.update", target: `${input.target}#${article.id}`, detail: { title: input.fields.title } });
  });
}

/**
 * Splits a piece before paragraph `at`: those paragraphs become a new article on the same page,
 * right after it. The new article takes the piece's 下转 and the story's later pieces, because a
 * story glued to the one above it by the parser is the one that carries on.
 */
export function splitPiece(
  input: { issueId: number; target: string; pieceId: number; at: number }, actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const piece = requirePiece(tx, input.issueId, input.pieceId);
    if (!Number.isInteger(input.at) || input.at < 1 || input.at >= piece.paragraphs.length) {
      throw new EditError("invalid", "只能在两段之间拆分");
    }
    tx.update(pieces).set({ position: sql`${pieces.position} + 1` })
      .where(and(eq(pieces.pageId, piece.pageId), gt(pieces.position, piece.position))).run();
    const newArticle = tx.insert(articles).values({ issueId: input.issueId }).returning({ id: articles.id }).get().id;
    tx.insert(pieces).values({
      articleId: newArticle, pageId: piece.pageId, seq: 0, position: piece.position + 1,
      paragraphs: piece.paragraphs.slice(input.at), jumpTo: piece.jumpTo, jumpFrom: null,
    }).run();
    tx.update(pieces).set({ paragraphs: piece.paragraphs.slice(0, input.at), jumpTo: null }).where(eq(pieces.id, piece.id)).run();
    tx.update(pieces).set({ articleId: newArticle })
      .where(and(eq(pieces.articleId, piece.articleId), gt(pieces.seq, piece.seq))).run();
    renumberPieces(tx, input.issueId);
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "article.split", target: `${input.target}#${piece.articleId}`, detail: { at: input.at, newArticle } });
    return { articleId: newArticle };
  });
}

/**
 * Joins the article that opens with this piece into the article printed just before it on the
 * page: the inverse of splitPiece. The earlier article must end on this page.
 */
export function mergePiece(input: { issueId: number; target: string; pieceId: number }, actor: EditActor, db: Db = getDb()) {
  return writeTx(db, (tx) => {
    const piece = requirePiece(tx, input.issueId, input.pieceId);
    if (piece.seq !== 0) throw new EditError("invalid", "只能合并一篇文章的开头");
    const before = tx.select({ id: pieces.id, articleId: pieces.articleId, paragraphs: pieces.paragraphs, jumpTo: pieces.jumpTo, seq: pieces.seq })
      .from(pieces).where(and(eq(pieces.pageId, piece.pageId), sql`${pieces.position} < ${piece.position}`))
      .orderBy(sql`${pieces.position} desc`).limit(1).get();
    if (!before) throw new EditError("invalid", "本版前面没有可以并入的文章");
    if (before.articleId === piece.articleId) throw new EditError("invalid", "已是同一篇文章");
    const lastSeq = tx.select({ n: sql<number>`max(${pieces.seq})` }).from(pieces).where(eq(pieces.articleId, before.articleId)).get()!.n;
    if (before.seq !== lastSeq) throw new EditError("invalid", "前一篇文章在其他版还有续文，不能并入");
    tx.update(pieces).set({ paragraphs: [...before.paragraphs, ...piece.paragraphs], jumpTo: piece.jumpTo ?? before.jumpTo })
      .where(eq(pieces.id, before.id)).run();
    const rest = tx.select({ id: pieces.id }).from(pieces)
      .where(and(eq(pieces.articleId, piece.articleId), gt(pieces.seq, 0))).orderBy(asc(pieces.seq)).all();
    rest.forEach((r, i) => { tx.update(pieces).set({ articleId: before.articleId, seq: lastSeq + 1 + i }).where(eq(pieces.id, r.id)).run(); });
    tx.delete(pieces).where(eq(pieces.id, piece.id)).run();
    tx.update(pieces).set({ position: sql`${pieces.position} - 1` })
      .where(and(eq(pieces.pageId, piece.pageId), gt(pieces.position, piece.position))).run();
    // Fill the earlier article's empty fields from the one that disappears, so nothing typed is lost.
    const [a, b] = [before.articleId, piece.articleId].map((id) => tx.select().from(articles).where(eq(articles.id, id)).get()!);
    tx.update(articles).set({
      kicker: a.kicker ?? b.kicker, title: a.title ?? b.title, subtitle: a.subtitle ?? b.subtitle,
      column: a.column ?? b.column, byline: a.byline ?? b.byline, images: [...a.images, ...b.images],
    }).where(eq(articles.id, a.id)).run();
    tx.delete(articles).where(eq(articles.id, b.id)).run();
    renumberPieces(tx, input.issueId);
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "article.merge", target: `${input.target}#${a.id}`, detail: { merged: b.id } });
    return { articleId: a.id };
  });
}
