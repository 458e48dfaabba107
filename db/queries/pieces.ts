// The rules every change to an article's pieces keeps, whoever makes it (an import linking a jump,
// an editor linking, splitting or merging): pieces numbered 0, 1, 2 … in story order, and a linked
// continuation moving whole, images included, into the story it carries on. Call inside a write
// transaction.
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { articles, pieces } from "../schema";

/** Keeps every article's pieces numbered 0, 1, 2 … in story order, after pieces were removed or moved. */
export function renumberPieces(tx: Db, issueId: number) {
  const rows = tx.select({ id: pieces.id, articleId: pieces.articleId, seq: pieces.seq })
    .from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId))
    .where(eq(articles.issueId, issueId)).orderBy(asc(pieces.articleId), asc(pieces.seq), asc(pieces.id)).all();
  let current = -1;
  let n = 0;
  for (const r of rows) {
    if (r.articleId !== current) { current = r.articleId; n = 0; }
    if (r.seq !== n) tx.update(pieces).set({ seq: n }).where(eq(pieces.id, r.id)).run();
    n++;
  }
}

/**
 * Continues story `into` with every piece of article `from`, in order, and removes `from`: a jump
 * linked. `uncertain` marks the seam for an editor to confirm (linked by reading order, say).
 */
export function appendArticle(tx: Db, into: number, from: number, uncertain = false) {
  const base = (tx.select({ n: sql<number>`max(${pieces.seq})` }).from(pieces)
    .where(eq(pieces.articleId, into)).get()?.n ?? -1) + 1;
  const moving = tx.select({ id: pieces.id }).from(pieces).where(eq(pieces.articleId, from)).orderBy(asc(pieces.seq)).all();
  moving.forEach((m, i) => {
    tx.update(pieces).set({
      articleId: into, seq: base + i, ...(i === 0 ? { linkUncertain: uncertain } : {}),
    }).where(eq(pieces.id, m.id)).run();
  });
  // The moved story's images stay with the story.
  const images = tx.select({ into: articles.images }).from(articles).where(eq(articles.id, into)).get()?.into ?? [];
  const moved = tx.select({ from: articles.images }).from(articles).where(eq(articles.id, from)).get()?.from ?? [];
  if (moved.length) tx.update(articles).set({ images: [...images, ...moved] }).where(eq(articles.id, into)).run();
  tx.delete(articles).where(eq(articles.id, from)).run();
}

