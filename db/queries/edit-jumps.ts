// The back office's view of an issue's jumps (下转 / 上接) and the manual link and unlink.
// A link appends the continuation's pieces to the story, as linkJumpsOfIssue does on import;
// an unlink detaches a piece (and what follows it) into an article of its own again.
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { listUncertainLinks } from "./imports";
import { appendArticle, renumberPieces } from "./pieces";
import { markIssueEdited } from "./issues";
import { articles, pages, pieces } from "../schema";
import { recordAudit } from "./audit";
import { EditError, type EditActor } from "./edit-issues";

type Row = {
  pieceId: number; articleId: number; seq: number; label: string; headline: string | null;
  title: string | null; jumpTo: string | null; jumpFrom: string | null; firstWords: string; linkUncertain: boolean;
};

function rowsOfIssue(db: Db, issueId: number): Row[] {
  return db.select({
    pieceId: pieces.id, articleId: pieces.articleId, seq: pieces.seq, label: pages.label, headline: pieces.headline,
    title: articles.title, jumpTo: pieces.jumpTo, jumpFrom: pieces.jumpFrom, linkUncertain: pieces.linkUncertain,
    firstWords: sql<string>`substr(coalesce(json_extract(${pieces.paragraphs}, '$[0]'), ''), 1, 24)`,
  }).from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId)).innerJoin(pages, eq(pages.id, pieces.pageId))
    .where(eq(articles.issueId, issueId)).orderBy(asc(pages.position), asc(pieces.position)).all();
}

export type JumpEnd = { articleId: number; pieceId: number; label: string; name: string; jump: string };

/** Linked jumps (each step of a story across pages), open 下转 ends and open 上接 starts. */
export function listJumpsForEdit(issueId: number, db: Db = getDb()) {
  const rows = rowsOfIssue(db, issueId);
  const byArticle = new Map<number, Row[]>();
  for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r]);
  const name = (r: Row) => r.title ?? r.headline ?? `${r.firstWords}…`;
  const linked: { from: JumpEnd; to: JumpEnd; uncertain: boolean }[] = [];
  const open: JumpEnd[] = [];
  const conts: JumpEnd[] = [];
  for (const chain of byArticle.values()) {
    chain.sort((a, b) => a.seq - b.seq);
    const head = chain[0];
    for (const [i, r] of chain.slice(1).entries()) {
      linked.push({
        from: { articleId: r.articleId, pieceId: chain[i].pieceId, label: chain[i].label, name: name(head), jump: chain[i].jumpTo ?? r.label },
        to: { articleId: r.articleId, pieceId: r.pieceId, label: r.label, name: r.headline ?? name(head), jump: r.jumpFrom ?? chain[i].label },
        uncertain: r.linkUncertain,
      });
    }
    const last = chain[chain.length - 1];
    if (last.jumpTo) open.push({ articleId: last.articleId, pieceId: last.pieceId, label: last.label, name: name(head), jump: last.jumpTo });
    if (head.jumpFrom) conts.push({ articleId: head.articleId, pieceId: head.pieceId, label: head.label, name: head.headline ?? name(head), jump: head.jumpFrom });
  }
  return { linked, open, continuations: conts };
}

/** Links an open 下转 (the story `fromArticleId`) to an open 上接 (the article `toArticleId`). */
export function linkJump(
  input: { issueId: number; target: string; fromArticleId: number; toArticleId: number }, actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const { open, continuations } = listJumpsForEdit(input.issueId, tx);
    const from = open.find((j) => j.articleId === input.fromArticleId);
    const to = continuations.find((c) => c.articleId === input.toArticleId);
    if (!from) throw new EditError("not_found", "这条下转已经接上，或不属于这一期");
    if (!to) throw new EditError("not_found", "这条上接已经接上，或不属于这一期");
    if (from.articleId === to.articleId) throw new EditError("invalid", "不能把文章接到它自己");
    appendArticle(tx, from.articleId, to.articleId);
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "jump.link", target: input.target, detail: { from: `${from.label}:${from.name}`, to: `${to.label}:${to.name}` } });
  });
}

/** Detaches a continuation piece, and the story's pieces after it, into an article of their own. */
export function unlinkJump(input: { issueId: number; target: string; pieceId: number }, actor: EditActor, db: Db = getDb()) {
  return writeTx(db, (tx) => {
    const piece = tx.select({ id: pieces.id, articleId: pieces.articleId, seq: pieces.seq }).from(pieces)
      .innerJoin(articles, eq(articles.id, pieces.articleId))
      .where(and(eq(pieces.id, input.pieceId), eq(articles.issueId, input.issueId))).get();
    if (!piece) throw new EditError("not_found", "这一期没有这段文字");
    if (piece.seq === 0) throw new EditError("invalid", "这段文字没有接在别的文章后面");
    // Title stays empty: a continuation's printed headline lives on its piece.
    const detached = tx.insert(articles).values({ issueId: input.issueId }).returning({ id: articles.id }).get().id;
    tx.update(pieces).set({ articleId: detached, linkUncertain: false })
      .where(and(eq(pieces.articleId, piece.articleId), gte(pieces.seq, piece.seq))).run();
    renumberPieces(tx, input.issueId);
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "jump.unlink", target: input.target, detail: { piece: piece.id, from: piece.articleId } });
    return { articleId: detached };
  });
}

/** Links of an issue waiting for an editor's confirmation (linked by reading order, or a doubtful headline). */
export function listUncertainLinksForEdit(issueId: number, db: Db = getDb()) {
  return listUncertainLinks(db, issueId);
}

/** An editor has read both sides of a link and vouches for it. */
export function confirmJump(input: { issueId: number; target: string; pieceId: number }, actor: EditActor, db: Db = getDb()) {
  return writeTx(db, (tx) => {
    const piece = tx.select({ id: pieces.id, seq: pieces.seq, linkUncertain: pieces.linkUncertain }).from(pieces)
      .innerJoin(articles, eq(articles.id, pieces.articleId))
      .where(and(eq(pieces.id, input.pieceId), eq(articles.issueId, input.issueId))).get();
    if (!piece) throw new EditError("not_found", "这一期没有这段文字");
    if (piece.seq === 0) throw new EditError("invalid", "这段文字没有接在别的文章后面");
    if (!piece.linkUncertain) return;
    tx.update(pieces).set({ linkUncertain: false }).where(eq(pieces.id, piece.id)).run();
    recordAudit(tx, actor, { action: "jump.confirm", target: input.target, detail: { piece: piece.id } });
  });
}
