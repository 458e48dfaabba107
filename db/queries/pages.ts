import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { articles, pages, pieces } from "../schema";
import type { PageSummary } from "./issues";

import { boundsOf, type Zone } from "../../lib/zones";
export type { Zone };

/** A piece as a page shows it, with where its jumps lead. */
export type PieceOnPage = {
  id: number;
  articleId: number;
  seq: number;
  position: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  column: string | null;
  byline: string | null;
  headline: string | null;
  paragraphs: string[];
  /** The rectangles the piece covers on the page image (an L-shaped story has two or more). */
  zones: Zone[];
  /** Their bounding box, or null when the piece has no zone. */
  zone: Zone | null;
  /** (下转…): the label as printed, and the piece it lands on when that exists. */
  jumpTo: { label: string; target: { pieceId: number; pageLabel: string } | null } | null;
  /** (上接…): likewise, back to the previous piece. */
  jumpFrom: { label: string; target: { pieceId: number; pageLabel: string } | null } | null;
};

/**
 * The pieces printed on a page in reading order. Callers pass a page that belongs to
 * an issue they have already checked (published for readers, any for editors).
 */
export function listPiecesOnPage(pageId: number, db: Db = getDb()): PieceOnPage[] {
  const rows = db.select({
    id: pieces.id, articleId: pieces.articleId, seq: pieces.seq, position: pieces.position,
    headline: pieces.headline, paragraphs: pieces.paragraphs, jumpTo: pieces.jumpTo, jumpFrom: pieces.jumpFrom,
    zones: pieces.zones,
    kicker: articles.kicker, title: articles.title, subtitle: articles.subtitle,
    column: articles.column, byline: articles.byline,
  }).from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId))
    .where(eq(pieces.pageId, pageId)).orderBy(asc(pieces.position), asc(pieces.id)).all();
  if (rows.length === 0) return [];

  // Every piece of the articles on this page, to find each jump's other end.
  const siblings = db.select({ id: pieces.id, articleId: pieces.articleId, seq: pieces.seq, label: pages.label })
    .from(pieces).innerJoin(pages, eq(pages.id, pieces.pageId))
    .where(inArray(pieces.articleId, [...new Set(rows.map((r) => r.articleId))]))
    .orderBy(asc(pieces.articleId), asc(pieces.seq)).all();
  const byArticle = new Map<number, typeof siblings>();
  for (const s of siblings) byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), s]);

  return rows.map((r) => {
    const chain = byArticle.get(r.articleId) ?? [];
    const i = chain.findIndex((s) => s.id === r.id);
    const next = chain[i + 1];
    const prev = i > 0 ? chain[i - 1] : undefined;
    return {
      id: r.id, articleId: r.articleId, seq: r.seq, position: r.position,
      kicker: r.kicker, title: r.title, subtitle: r.subtitle, column: r.column, byline: r.byline,
      headline: r.headline, paragraphs: r.paragraphs,
      zones: r.zones, zone: boundsOf(r.zones),
      jumpTo: r.jumpTo || next
        ? { label: r.jumpTo ?? next!.label, target: next ? { pieceId: next.id, pageLabel: next.label } : null }
        : null,
      jumpFrom: r.jumpFrom || prev
        ? { label: r.jumpFrom ?? prev!.label, target: prev ? { pieceId: prev.id, pageLabel: prev.label } : null }
        : null,
    };
  });
}

export function getPageOfIssue(issueId: number, label: string, db: Db = getDb()): PageSummary | null {
  return db.select({
    id: pages.id, label: pages.label, position: pages.position, section: pages.section,
    imagePath: pages.imagePath, imageWidth: pages.imageWidth, imageHeight: pages.imageHeight, pdfPath: pages.pdfPath,
  }).from(pages).where(and(eq(pages.issueId, issueId), eq(pages.label, label))).get() ?? null;
}
