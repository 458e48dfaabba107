// Writes an imported issue: paper and issue created when missing, pages added or replaced,
// and jumps linked across the whole issue. All in one immediate transaction.
import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { articles, issues, pages, papers, pieces } from "../schema";
import { reindexIssueIfPublished } from "./search";
import { recordAudit } from "./audit";
import { resolveJumps, type OpenContinuation, type OpenJump } from "../../lib/jumps";
import type { IssueInput, PageImportReport, PageInput } from "../../lib/import-types";
import { importedOf, mergeReimport, type Reimport, type StoredPiece } from "../../lib/reimport";
import { writePageLines } from "./page-lines";
import { appendArticle, renumberPieces } from "./pieces";

export type ImportSummary = {
  paper: string;
  date: string;
  issueId: number;
  status: "draft" | "published" | "scheduled";
  pages: {
    label: string; pieces: number; replaced: boolean;
    textLayer?: PageImportReport["textLayer"]; doubts?: PageImportReport["doubts"]; changes?: PageImportReport["changes"];
  }[];
  articles: number;
  jumps: {
    linked: { from: string; to: string; title: string | null; by: "headline" | "order"; certain: boolean }[];
    unresolved: { page: string; jumpTo?: string; jumpFrom?: string; title: string | null }[];
    /** Every link of the issue still waiting for an editor's confirmation, this import's and earlier ones. */
    uncertain: UncertainLink[];
  };
};

export type UncertainLink = { pieceId: number; articleId: number; from: string; to: string; title: string | null; headline: string | null };

function ensurePaper(tx: Db, input: IssueInput["paper"]): number {
  const existing = tx.select({ id: papers.id }).from(papers).where(eq(papers.slug, input.slug)).get();
  if (existing) return existing.id;
  const isFirst = !tx.select({ id: papers.id }).from(papers).limit(1).get();
  return tx.insert(papers).values({
    slug: input.slug, name: input.name ?? input.slug, motto: input.motto ?? null, isDefault: isFirst,
  }).returning({ id: papers.id }).get().id;
}

function ensureIssue(tx: Db, paperId: number, date: string, number: number | null | undefined) {
  const existing = tx.select({ id: issues.id, status: issues.status }).from(issues)
    .where(and(eq(issues.paperId, paperId), eq(issues.date, date))).get();
  if (existing) {
    if (number != null) tx.update(issues).set({ number }).where(eq(issues.id, existing.id)).run();
    return existing;
  }
  return tx.insert(issues).values({ paperId, date, number: number ?? null, status: "draft" })
    .returning({ id: issues.id, status: issues.status }).get();
}

/**
 * Removes a page's pieces, and articles left with none (also used when a page is deleted). A story that went on from this page
 * elsewhere (1 → 3 → 5, page 3 replaced) leaves its later pieces as continuations of their own
 * again, so the new page's text can be linked to them afresh.
 */
export function clearPage(tx: Db, issueId: number, pageId: number) {
  const touched = tx.selectDistinct({ articleId: pieces.articleId }).from(pieces).where(eq(pieces.pageId, pageId)).all();
  for (const { articleId } of touched) {
    const chain = tx.select({ id: pieces.id, pageId: pieces.pageId, jumpFrom: pieces.jumpFrom, headline: pieces.headline })
      .from(pieces).where(eq(pieces.articleId, articleId)).orderBy(asc(pieces.seq)).all();
    const firstHere = chain.findIndex((p) => p.pageId === pageId);
    for (const later of chain.slice(firstHere + 1)) {
      if (later.pageId === pageId) continue;
      const orphan = tx.insert(articles).values({ issueId }).returning({ id: articles.id }).get().id;
      tx.update(pieces).set({ articleId: orphan, seq: 0, linkUncertain: false }).where(eq(pieces.id, later.id)).run();
    }
  }
  tx.delete(pieces).where(eq(pieces.pageId, pageId)).run();
  tx.delete(articles).where(and(
    eq(articles.issueId, issueId),
    notExists(tx.select({ one: sql`1` }).from(pieces).where(eq(pieces.articleId, articles.id))),
  )).run();
  renumberPieces(tx, issueId);
}

/** The page's pieces as stored, seen as the importer writes them (see lib/reimport.ts). */
function storedPieces(tx: Db, pageId: number): StoredPiece[] {
  return tx.select({
    seq: pieces.seq, headline: pieces.headline, paragraphs: pieces.paragraphs, zones: pieces.zones, imported: pieces.imported,
    kicker: articles.kicker, title: articles.title, subtitle: articles.subtitle, column: articles.column, byline: articles.byline,
  }).from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId))
    .where(eq(pieces.pageId, pageId)).orderBy(asc(pieces.position), asc(pieces.id)).all()
    .map((r) => r.seq > 0
      // A continuation's article fields belong to the page it starts on; its title is its jump headline.
      ? { kicker: null, title: r.headline, subtitle: null, column: null, byline: null, paragraphs: r.paragraphs, zones: r.zones, imported: r.imported }
      : { kicker: r.kicker, title: r.headline ?? r.title, subtitle: r.subtitle, column: r.column, byline: r.byline, paragraphs: r.paragraphs, zones: r.zones, imported: r.imported });
}

function writePage(tx: Db, issueId: number, page: PageInput, position: number) {
  const existing = tx.select({ id: pages.id }).from(pages)
    .where(and(eq(pages.issueId, issueId), eq(pages.label, page.label))).get();
  let pageId: number;
  let input = page.pieces;
  let changes: Reimport["changes"] | null = null;
  if (existing) {
    const old = storedPieces(tx, existing.id);
    if (old.length > 0) {
      const merged = mergeReimport(old, page.pieces);
      changes = merged.changes;
      if (page.keepEdits) input = merged.pieces;
    }
    clearPage(tx, issueId, existing.id);
    pageId = existing.id;
    const patch: Partial<typeof pages.$inferInsert> = {};
    if (page.section !== undefined) patch.section = page.section;
    if (page.image !== undefined) {
      patch.imagePath = page.image?.path ?? null;
      patch.imageWidth = page.image?.width ?? null;
      patch.imageHeight = page.image?.height ?? null;
    }
    if (page.pdfPath !== undefined) patch.pdfPath = page.pdfPath;
    if (Object.keys(patch).length) tx.update(pages).set(patch).where(eq(pages.id, pageId)).run();
  } else {
    pageId = tx.insert(pages).values({
      issueId, label: page.label, position, section: page.section ?? null,
      imagePath: page.image?.path ?? null, imageWidth: page.image?.width ?? null, imageHeight: page.image?.height ?? null,
      pdfPath: page.pdfPath ?? null,
    }).returning({ id: pages.id }).get().id;
  }
  input.forEach((p, i) => {
    // A continuation opens as an article of its own until linked; its printed headline
    // is the piece's, not the story's title.
    const isContinuation = p.jumpFrom != null;
    const articleId = tx.insert(articles).values({
      issueId,
      kicker: p.kicker, title: isContinuation ? null : p.title, subtitle: p.subtitle,
      column: p.column, byline: p.byline, images: p.images ?? [],
    }).returning({ id: articles.id }).get().id;
    tx.insert(pieces).values({
      articleId, pageId, seq: 0, position: i,
      headline: isContinuation ? p.title : null,
      paragraphs: p.paragraphs, jumpTo: p.jumpTo, jumpFrom: p.jumpFrom,
      zones: p.zones ?? [],
      // The importer's reading (merged pieces keep their index), not the merged piece: the next
      // re-import compares against it.
      imported: importedOf(page.pieces[i]),
    }).run();
  });
  if (page.lines !== undefined) writePageLines(tx, pageId, page.lines);
  return { pageId, replaced: !!existing, changes };
}


type IssuePieceRow = {
  pieceId: number; articleId: number; seq: number; position: number; jumpTo: string | null; jumpFrom: string | null;
  headline: string | null; title: string | null; label: string; pagePosition: number; linkUncertain: boolean;
};

function issuePieces(tx: Db, issueId: number): IssuePieceRow[] {
  return tx.select({
    pieceId: pieces.id, articleId: pieces.articleId, seq: pieces.seq, position: pieces.position,
    jumpTo: pieces.jumpTo, jumpFrom: pieces.jumpFrom, headline: pieces.headline, title: articles.title,
    label: pages.label, pagePosition: pages.position, linkUncertain: pieces.linkUncertain,
  }).from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId)).innerJoin(pages, eq(pages.id, pieces.pageId))
    .where(eq(articles.issueId, issueId)).orderBy(asc(pages.position), asc(pieces.position)).all();
}

function openEnds(rows: IssuePieceRow[]) {
  const lastSeq = new Map<number, number>();
  const pieceCount = new Map<number, number>();
  for (const r of rows) {
    lastSeq.set(r.articleId, Math.max(lastSeq.get(r.articleId) ?? -1, r.seq));
    pieceCount.set(r.articleId, (pieceCount.get(r.articleId) ?? 0) + 1);
  }
  const jumps: OpenJump[] = rows.filter((r) => r.jumpTo && r.seq === lastSeq.get(r.articleId)).map((r) => ({
    articleId: r.articleId, pageLabel: r.label, pagePosition: r.pagePosition, piecePosition: r.position,
    jumpTo: r.jumpTo!, title: r.title,
  }));
  const conts: OpenContinuation[] = rows.filter((r) => r.jumpFrom && r.seq === 0 && pieceCount.get(r.articleId) === 1 && r.title == null)
    .map((r) => ({
      articleId: r.articleId, pieceId: r.pieceId, pageLabel: r.label, piecePosition: r.position,
      jumpFrom: r.jumpFrom!, headline: r.headline,
    }));
  return { jumps, conts };
}

/** Counts the issue's unconfirmed links and, when `confirm`, marks them all confirmed. */
export function confirmUncertainLinks(tx: Db, issueId: number, confirm: boolean): number {
  const open = listUncertainLinks(tx, issueId);
  if (confirm && open.length) tx.update(pieces).set({ linkUncertain: false }).where(inArray(pieces.id, open.map((u) => u.pieceId))).run();
  return open.length;
}

/** The links of an issue that an editor has not confirmed yet, in reading order of their continuation. */
export function listUncertainLinks(tx: Db, issueId: number): UncertainLink[] {
  const rows = issuePieces(tx, issueId);
  const byArticle = new Map<number, IssuePieceRow[]>();
  for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r]);
  const out: UncertainLink[] = [];
  for (const chain of byArticle.values()) {
    chain.sort((a, b) => a.seq - b.seq);
    chain.forEach((r, i) => {
      if (i > 0 && r.linkUncertain) out.push({ pieceId: r.pieceId, articleId: r.articleId, from: chain[i - 1].label, to: r.label, title: chain[0].title, headline: r.headline });
    });
  }
  return out;
}

/** Links every open jump of an issue it can; returns the links made and what stays open. */
export function linkJumpsOfIssue(tx: Db, issueId: number) {
  const linked: ImportSummary["jumps"]["linked"] = [];
  // A story may cross several pages (1 → 3 → 5): link, then look again.
  for (let round = 0; round < 50; round++) {
    const rows = issuePieces(tx, issueId);
    const { jumps, conts } = openEnds(rows);
    const titles = [...new Set(rows.filter((r) => r.seq === 0 && r.title).map((r) => r.title!))];
    const links = resolveJumps(jumps, conts, titles);
    if (links.length === 0) break;
    // Within a round a continuation may itself have been merged already (1 → 3 → 5).
    const mergedInto = new Map<number, number>();
    const target = (id: number) => { while (mergedInto.has(id)) id = mergedInto.get(id)!; return id; };
    for (const link of links) {
      const into = target(link.from.articleId);
      appendArticle(tx, into, link.to.articleId, !link.certain);
      mergedInto.set(link.to.articleId, into);
      linked.push({ from: link.from.pageLabel, to: link.to.pageLabel, title: link.from.title, by: link.by, certain: link.certain });
    }
  }
  const { jumps, conts } = openEnds(issuePieces(tx, issueId));
  const unresolved: ImportSummary["jumps"]["unresolved"] = [
    ...jumps.map((j) => ({ page: j.pageLabel, jumpTo: j.jumpTo, title: j.title })),
    ...conts.map((c) => ({ page: c.pageLabel, jumpFrom: c.jumpFrom, title: c.headline })),
  ];
  return { linked, unresolved, uncertain: listUncertainLinks(tx, issueId) };
}

/** Imports pages into an issue in one transaction; nothing is written if anything fails. */
export function importIssue(input: IssueInput, db: Db = getDb()): ImportSummary {
  return writeTx(db, (tx) => importIssueInTx(tx, input));
}

/** An import from the command line, with its audit record in the same transaction. */
export function importIssueAudited(input: IssueInput, actor: { id: number; email: string } | null, db: Db = getDb()): ImportSummary {
  return writeTx(db, (tx) => {
    const summary = importIssueInTx(tx, input);
    recordAudit(tx, actor, {
      action: input.publish ? "issue.import.publish" : "issue.import", target: `${input.paper.slug}/${input.date}`,
      detail: { via: "cli", pages: summary.pages.map((p) => p.label), uncertainLinks: summary.jumps.uncertain.length },
    });
    return summary;
  });
}

/** The same, inside a transaction the caller holds (to import several issues atomically). */
export function importIssueInTx(tx: Db, input: IssueInput): ImportSummary {
  const paperId = ensurePaper(tx, input.paper);
  const issue = ensureIssue(tx, paperId, input.date, input.number);
  const wasPublished = issue.status === "published";
  const known = tx.select({ label: pages.label, position: pages.position }).from(pages)
    .where(eq(pages.issueId, issue.id)).all();
  let nextPosition = known.reduce((m, p) => Math.max(m, p.position + 1), 0);
  const written = input.pages.map((page) => {
    const isNew = !known.some((k) => k.label === page.label);
    const { pageId, replaced, changes } = writePage(tx, issue.id, page, isNew ? nextPosition++ : 0);
    return { pageId, page, label: page.label, pieces: page.pieces.length, replaced, changes };
  });
  if (written.some((w) => !w.replaced)) sortPagesByLabel(tx, issue.id);
  const jumps = linkJumpsOfIssue(tx, issue.id);
  const at = new Date().toISOString();
  const pageSummaries = written.map(({ pageId, page, label, pieces: count, replaced, changes }) => {
    if (!page.report) return { label, pieces: count, replaced };
    const byOrder = jumps.linked.filter((l) => l.by === "order" && (l.from === label || l.to === label));
    const report: PageImportReport = {
      ...page.report, changes, at,
      jumps: jumps.linked.filter((l) => l.from === label || l.to === label).length,
      doubts: [...page.report.doubts, ...byOrder.map((l) => ({
        kind: "jump_by_order" as const, piece: null,
        message: `「${l.title ?? "无题"}」第${l.from}版转第${l.to}版：按顺序接上，未找到相同的转版标题`,
      }))],
    };
    tx.update(pages).set({ importReport: report }).where(eq(pages.id, pageId)).run();
    return { label, pieces: count, replaced, textLayer: report.textLayer, doubts: report.doubts, changes };
  });
  // A jump linked now also counts on the page at its other end, imported earlier.
  const here = new Set(written.map((w) => w.label));
  for (const l of jumps.linked) {
    for (const other of [l.from, l.to].filter((x) => !here.has(x))) {
      const row = tx.select({ id: pages.id, report: pages.importReport }).from(pages)
        .where(and(eq(pages.issueId, issue.id), eq(pages.label, other))).get();
      if (row?.report) tx.update(pages).set({ importReport: { ...row.report, jumps: row.report.jumps + 1 } }).where(eq(pages.id, row.id)).run();
    }
  }
  let status = issue.status;
  if (input.publish) {
    const now = new Date().toISOString();
    // Re-importing into a live issue keeps its first publication time (feeds, sitemap and
    // JSON-LD date the issue by it); a pending schedule is void once the issue is live.
    tx.update(issues).set({
      status: "published", scheduledAt: null, updatedAt: now, ...(wasPublished ? {} : { publishedAt: now }),
    }).where(eq(issues.id, issue.id)).run();
    status = "published";
  } else {
    tx.update(issues).set({ updatedAt: new Date().toISOString() }).where(eq(issues.id, issue.id)).run();
  }
  // A newly published issue, or new pages of an already published one, become findable here.
  if (status === "published") reindexIssueIfPublished(tx, issue.id);
  const articleCount = tx.select({ n: sql<number>`count(*)` }).from(articles).where(eq(articles.issueId, issue.id)).get()?.n ?? 0;
  return {
    paper: input.paper.slug, date: input.date, issueId: issue.id, status,
    pages: pageSummaries, articles: articleCount, jumps,
  };
}

/** Orders pages as printed: A-section before B, then by number (1, 2 … 10). */
function sortPagesByLabel(tx: Db, issueId: number) {
  const rows = tx.select({ id: pages.id, label: pages.label, position: pages.position }).from(pages)
    .where(eq(pages.issueId, issueId)).all();
  const sortKey = (l: string) => { const m = /^([A-Z]?)(\d+)$/.exec(l); return m ? [m[1], Number(m[2])] as const : ["~", 0] as const; };
  rows.sort((a, b) => { const ka = sortKey(a.label), kb = sortKey(b.label); return ka[0] === kb[0] ? ka[1] - kb[1] : ka[0] < kb[0] ? -1 : 1; });
  rows.forEach((r, i) => { if (r.position !== i) tx.update(pages).set({ position: i }).where(eq(pages.id, r.id)).run(); });
}

/** An editor's import of pages into an existing issue (the back office's drop), audited. */
export function importPagesForEdit(
  input: { issueId: number; paperSlug: string; date: string; pages: PageInput[] },
  actor: { id: number; email: string } | null, db: Db = getDb(),
): ImportSummary {
  return writeTx(db, (tx) => {
    const issue = tx.select({ id: issues.id }).from(issues).where(eq(issues.id, input.issueId)).get();
    if (!issue) throw new Error("issue not found");
    const summary = importIssueInTx(tx, { paper: { slug: input.paperSlug }, date: input.date, pages: input.pages });
    recordAudit(tx, actor, {
      action: "page.import", target: `${input.paperSlug}/${input.date}`,
      detail: { pages: input.pages.map((p) => p.label), linked: summary.jumps.linked.length },
    });
    return summary;
  });
}
