import { and, asc, eq, inArray, or } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { articles, issues, pages, pieces } from "../schema";
import { publishedIssueId, type PageSummary, type PublishedIssueRef } from "./issues";

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

/** The pieces printed on a page of a published issue, in reading order; none for a draft. */
export function listPiecesOnPublishedPage(ref: PublishedIssueRef & { label: string }, db: Db = getDb()): PieceOnPage[] {
  const page = db.select({ id: pages.id }).from(pages)
    .where(and(inArray(pages.issueId, publishedIssueId(db, ref)), eq(pages.label, ref.label))).get();
  return page ? piecesOnPage(page.id, db) : [];
}

/** The pieces on any page, drafts included: the back office and preview only. */
export function listPiecesOnPageForEdit(pageId: number, db: Db = getDb()): PieceOnPage[] {
  return piecesOnPage(pageId, db);
}

function piecesOnPage(pageId: number, db: Db): PieceOnPage[] {
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

const pageColumns = {
  id: pages.id, label: pages.label, position: pages.position, section: pages.section,
  imagePath: pages.imagePath, imageWidth: pages.imageWidth, imageHeight: pages.imageHeight, pdfPath: pages.pdfPath,
};

/** A page of a published issue by its label; null for a draft's. */
export function getPublishedPage(ref: PublishedIssueRef & { label: string }, db: Db = getDb()): PageSummary | null {
  return db.select(pageColumns).from(pages)
    .where(and(inArray(pages.issueId, publishedIssueId(db, ref)), eq(pages.label, ref.label))).get() ?? null;
}

export function getPageOfIssueForEdit(issueId: number, label: string, db: Db = getDb()): PageSummary | null {
  return db.select(pageColumns).from(pages).where(and(eq(pages.issueId, issueId), eq(pages.label, label))).get() ?? null;
}

/** Whether a stored file (page scan or PDF, "/media/NAME") belongs to a page of a published issue. */
export function isPublishedMedia(path: string, db: Db = getDb()): boolean {
  return !!db.select({ id: pages.id }).from(pages).innerJoin(issues, eq(issues.id, pages.issueId))
    .where(and(or(eq(pages.imagePath, path), eq(pages.pdfPath, path)), eq(issues.status, "published"))).limit(1).get();
}
