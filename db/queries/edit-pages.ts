// The back office's writes of an issue's pages: add, delete, reorder, scans, text and zones.
// Each takes the issue it belongs to, so a page id from a form cannot reach another issue.
import { and, asc, eq, gt, inArray, lt, desc, or, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { markIssueEdited } from "./issues";
import { issues, pages, papers, pieces } from "../schema";
import { clearPage, importIssueInTx, } from "./imports";
import { recordAudit } from "./audit";
import { EditError, type EditActor } from "./edit-issues";
import type { PageImportReport, PieceInput, Zone } from "../../lib/import-types";

export type PageForEdit = {
  id: number; label: string; position: number; section: string | null;
  imagePath: string | null; imageWidth: number | null; imageHeight: number | null; pdfPath: string | null;
  pieceCount: number;
  importReport: PageImportReport | null;
};

const pageColumns = {
  id: pages.id, label: pages.label, position: pages.position, section: pages.section,
  imagePath: pages.imagePath, imageWidth: pages.imageWidth, imageHeight: pages.imageHeight, pdfPath: pages.pdfPath,
  importReport: pages.importReport,
  // Qualified by hand: drizzle writes bare column names in a single-table select.
  pieceCount: sql<number>`(select count(*) from pieces where pieces.page_id = pages.id)`,
};

export function listPagesForEdit(issueId: number, db: Db = getDb()): PageForEdit[] {
  return db.select(pageColumns).from(pages).where(eq(pages.issueId, issueId)).orderBy(asc(pages.position)).all();
}

export function getPageForEdit(issueId: number, label: string, db: Db = getDb()): PageForEdit | null {
  return db.select(pageColumns).from(pages).where(and(eq(pages.issueId, issueId), eq(pages.label, label))).get() ?? null;
}

function requirePage(tx: Db, issueId: number, pageId: number) {
  const page = tx.select({ id: pages.id, label: pages.label, position: pages.position }).from(pages)
    .where(and(eq(pages.id, pageId), eq(pages.issueId, issueId))).get();
  if (!page) throw new EditError("not_found", "这一期没有这个版面");
  return page;
}

/** Adds a page at the end of the issue. */
export function addPage(
  input: { issueId: number; target: string; label: string; section: string | null }, actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    if (tx.select({ id: pages.id }).from(pages).where(and(eq(pages.issueId, input.issueId), eq(pages.label, input.label))).get()) {
      throw new EditError("conflict", `这一期已有第${input.label}版`);
    }
    const last = tx.select({ n: sql<number | null>`max(${pages.position})` }).from(pages).where(eq(pages.issueId, input.issueId)).get();
    const row = tx.insert(pages).values({
      issueId: input.issueId, label: input.label, section: input.section, position: (last?.n ?? -1) + 1,
    }).returning({ id: pages.id }).get();
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "page.create", target: `${input.target}/${input.label}`, detail: { section: input.section } });
    return row;
  });
}

/** Deletes a page and its pieces; articles left without pieces go too, and positions close up. */
export function deletePage(input: { issueId: number; target: string; pageId: number }, actor: EditActor, db: Db = getDb()) {
  return writeTx(db, (tx) => {
    const page = requirePage(tx, input.issueId, input.pageId);
    // A story that opened on this page leaves its continuations open (上接, untitled) again, so
    // they relink when the page comes back, instead of standing as a story of their own.
    clearPage(tx, input.issueId, page.id);
    tx.delete(pages).where(eq(pages.id, page.id)).run();
    tx.update(pages).set({ position: sql`${pages.position} - 1` })
      .where(and(eq(pages.issueId, input.issueId), gt(pages.position, page.position))).run();
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "page.delete", target: `${input.target}/${page.label}` });
  });
}

/** Swaps a page with its neighbour before (-1) or after (+1). */
export function movePage(
  input: { issueId: number; target: string; pageId: number; direction: -1 | 1 }, actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const page = requirePage(tx, input.issueId, input.pageId);
    const neighbour = tx.select({ id: pages.id, position: pages.position }).from(pages)
      .where(and(eq(pages.issueId, input.issueId), input.direction < 0 ? lt(pages.position, page.position) : gt(pages.position, page.position)))
      .orderBy(input.direction < 0 ? desc(pages.position) : asc(pages.position)).limit(1).get();
    if (!neighbour) return;
    tx.update(pages).set({ position: neighbour.position }).where(eq(pages.id, page.id)).run();
    tx.update(pages).set({ position: page.position }).where(eq(pages.id, neighbour.id)).run();
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "page.move", target: `${input.target}/${page.label}`, detail: { direction: input.direction } });
  });
}

/**
 * Puts an uploaded scan (and the PDF it came from, or none) on the page with this label,
 * creating the page if needed, in one transaction: two uploads racing for a new label, or a
 * failure halfway, cannot leave a page without its media or a 500.
 */
export function attachPageUpload(
  input: { issueId: number; target: string; label: string; image: { path: string; width: number; height: number }; pdfPath: string | null },
  actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const { id: pageId } = ensurePage(input, actor, tx);
    // An image upload replaces a page's PDF too: readers must not download a superseded one.
    const { replaced } = setPageMedia({ issueId: input.issueId, target: input.target, pageId, image: input.image, pdfPath: input.pdfPath }, actor, tx);
    return { pageId, replaced };
  });
}

/** Finds or creates a page by label (uploads name their page), returning its id. */
export function ensurePage(input: { issueId: number; target: string; label: string }, actor: EditActor, db: Db = getDb()) {
  const existing = db.select({ id: pages.id }).from(pages).where(and(eq(pages.issueId, input.issueId), eq(pages.label, input.label))).get();
  return existing ?? addPage({ ...input, section: null }, actor, db);
}

/** Records a stored scan (and, for a PDF upload, the PDF) on a page. */
export function setPageMedia(
  input: {
    issueId: number; target: string; pageId: number;
    image: { path: string; width: number; height: number }; pdfPath?: string | null;
  },
  actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const page = requirePage(tx, input.issueId, input.pageId);
    const before = tx.select({ imagePath: pages.imagePath, pdfPath: pages.pdfPath }).from(pages).where(eq(pages.id, page.id)).get()!;
    tx.update(pages).set({
      imagePath: input.image.path, imageWidth: input.image.width, imageHeight: input.image.height,
      ...(input.pdfPath !== undefined ? { pdfPath: input.pdfPath } : {}),
    }).where(eq(pages.id, page.id)).run();
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "page.media", target: `${input.target}/${page.label}`, detail: { image: input.image.path, pdf: input.pdfPath ?? null } });
    // Files this page no longer shows; the caller deletes them once this commits (and nothing else uses them).
    const replaced = [before.imagePath, input.pdfPath !== undefined ? before.pdfPath : null]
      .filter((p): p is string => !!p && p !== input.image.path && p !== input.pdfPath);
    return { replaced };
  });
}

/**
 * Saves a page's text as corrected by the editor: importIssue for that one page, which replaces
 * its pieces (zones included) and relinks the issue's jumps.
 */
export function savePageText(
  input: { paperSlug: string; date: string; label: string; pieces: PieceInput[] }, actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const issueRow = tx.select({ id: issues.id }).from(issues).innerJoin(papers, eq(papers.id, issues.paperId))
      .where(and(eq(papers.slug, input.paperSlug), eq(issues.date, input.date))).get();
    if (!issueRow) throw new EditError("not_found", "没有这一期");
    if (!tx.select({ id: pages.id }).from(pages).where(and(eq(pages.issueId, issueRow.id), eq(pages.label, input.label))).get()) {
      throw new EditError("not_found", "这一期没有这个版面");
    }
    const summary = importIssueInTx(tx, {
      paper: { slug: input.paperSlug }, date: input.date, pages: [{ label: input.label, pieces: input.pieces }],
    });
    recordAudit(tx, actor, {
      action: "page.text", target: `${input.paperSlug}/${input.date}/${input.label}`,
      detail: { pieces: input.pieces.length, linked: summary.jumps.linked.length },
    });
    return summary;
  });
}

/** Stores the zones of a page's pieces (an empty list clears one). Every piece must be on this page. */
export function saveZones(
  input: { issueId: number; target: string; pageId: number; zones: { pieceId: number; zones: Zone[] }[] },
  actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const page = requirePage(tx, input.issueId, input.pageId);
    const ids = input.zones.map((z) => z.pieceId);
    const onPage = new Set(ids.length ? tx.select({ id: pieces.id }).from(pieces)
      .where(and(eq(pieces.pageId, page.id), inArray(pieces.id, ids))).all().map((r) => r.id) : []);
    for (const { pieceId, zones } of input.zones) {
      if (!onPage.has(pieceId)) throw new EditError("not_found", "有一块区域不属于这个版面");
      tx.update(pieces).set({ zones }).where(eq(pieces.id, pieceId)).run();
    }
    markIssueEdited(tx, input.issueId);
    recordAudit(tx, actor, { action: "page.zones", target: `${input.target}/${page.label}`, detail: { zones: input.zones.length } });
  });
}

/** Who may see a stored media file: the status of the issue whose page uses it, or null if none. */
export function getMediaOwnerStatus(path: string, db: Db = getDb()) {
  const rows = db.select({ status: issues.status }).from(pages).innerJoin(issues, eq(issues.id, pages.issueId))
    .where(or(eq(pages.imagePath, path), eq(pages.pdfPath, path))).all();
  if (rows.length === 0) return null;
  return rows.some((r) => r.status === "published") ? "published" : "draft";
}

/** Every /media/ file a record refers to: page scans and PDFs, and article images. For the orphan sweep. */
export function listReferencedMedia(db: Db = getDb()): Set<string> {
  const out = new Set<string>();
  for (const r of db.select({ image: pages.imagePath, pdf: pages.pdfPath }).from(pages).all()) {
    if (r.image) out.add(r.image);
    if (r.pdf) out.add(r.pdf);
  }
  for (const r of db.all<{ src: string }>(sql`select distinct json_extract(value, '$.src') as src from articles, json_each(articles.images)`)) {
    if (r.src) out.add(r.src);
  }
  return out;
}
