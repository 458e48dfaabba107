// Loads what a reader route shows, turning every bad or unpublished address into notFound().
// Wrapped in React cache() so generateMetadata and the page share one set of queries.
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getPaperBySlug } from "@/db/queries/papers";
import {
  getAdjacentPublishedDates, getPublishedIssue, listPublishedDatesInMonth, listPublishedPages,
} from "@/db/queries/issues";
import { listPiecesOnPageForEdit, listPiecesOnPublishedPage } from "@/db/queries/pages";
import {
  getArticleOfIssueForEdit, getPublishedArticle, listArticlesOfIssueForEdit, listPublishedArticles,
} from "@/db/queries/articles";
import { isIssueDate } from "@/lib/dates";
import { normalizeLabel } from "@/lib/labels";
import { isPaperSlug } from "@/lib/slugs";
import { issueLinks, publicUrl } from "@/lib/format";
import { imageVariantUrl, THUMB_WIDTH } from "@/lib/images";
import { getAccessPolicy } from "@/db/queries/access";
import { accessToday, gatePieces, isFreeToAll, isPieceFreeToAll } from "@/lib/access";
import type {
  ArticleContext, IssueContext, IssueNav, MonthData, OfflineList, PageContext, ReaderPiece,
} from "@/db/queries/reader-views";

export type { ArticleContext, IssueContext, IssueNav, MonthData, OfflineList, PageContext, ReaderPiece };

export const loadPaper = cache((slug: string) => {
  const paper = isPaperSlug(slug) ? getPaperBySlug(slug) : null;
  return paper ?? notFound();
});

/** A published issue with its pages; anything else (draft, malformed date, no pages) is a 404. */
export const loadIssue = cache((paperSlug: string, date: string): IssueContext => {
  const paper = loadPaper(paperSlug);
  if (!isIssueDate(date)) notFound();
  const issue = getPublishedIssue(paper.id, date) ?? notFound();
  const pages = listPublishedPages({ paperId: paper.id, date });
  if (pages.length === 0) notFound();
  return { paper, issue, pages, links: issueLinks(paper.slug, issue.date, pages[0].label), forEdit: false };
});

/** One page of an issue. `canonical` is false when the URL spelled the label another way (03, 三版). */
export function pageOfIssue(ctx: IssueContext, rawLabel: string): PageContext {
  const label = normalizeLabel(safeDecode(rawLabel)) ?? notFound();
  const index = ctx.pages.findIndex((p) => p.label === label);
  if (index < 0) notFound();
  const page = ctx.pages[index];
  if (ctx.forEdit) return { ...ctx, page, index, pieces: listPiecesOnPageForEdit(page.id), canonical: label === rawLabel };
  // The same page for every visitor (it is cached): gated pieces keep only their opening, and a
  // subscriber reads the rest on the article page (components/subscribe/paywall-panel.tsx).
  const policy = getAccessPolicy(ctx.paper.id);
  const today = accessToday();
  const pieces = listPiecesOnPublishedPage({ paperId: ctx.paper.id, date: ctx.issue.date, label: page.label }).map((p) =>
    isPieceFreeToAll(policy, { issueDate: ctx.issue.date, pageLabel: page.label, seq: p.seq }, today)
      ? p : { ...p, paragraphs: p.seq === 0 ? gatePieces([p])[0].paragraphs : [] });
  return { ...ctx, page, index, pieces, canonical: label === rawLabel };
}

export const loadPage = cache((paperSlug: string, date: string, rawLabel: string): PageContext =>
  pageOfIssue(loadIssue(paperSlug, date), rawLabel));

/** An article of this issue, stitched from its pieces; an article of another issue is a 404. */
export function articleOfIssue(ctx: IssueContext, rawId: string): ArticleContext {
  if (!/^[1-9][0-9]{0,9}$/.test(rawId)) notFound();
  const ref = { paperId: ctx.paper.id, date: ctx.issue.date };
  const whole = ctx.forEdit
    ? getArticleOfIssueForEdit(ctx.issue.id, Number(rawId))
    : getPublishedArticle({ ...ref, articleId: Number(rawId) });
  if (!whole || whole.pieces.length === 0) notFound();
  // Editors previewing see everything; readers' full text follows the paper's access policy.
  const free = ctx.forEdit ||
    isFreeToAll(getAccessPolicy(ctx.paper.id), { issueDate: ctx.issue.date, pageLabel: whole.pieces[0].pageLabel }, accessToday());
  const article = free ? { ...whole, gated: false } : { ...whole, pieces: gatePieces(whole.pieces), gated: true };
  const list = ctx.forEdit ? listArticlesOfIssueForEdit(ctx.issue.id) : listPublishedArticles(ref);
  const i = list.findIndex((a) => a.id === article.id);
  return { ...ctx, article, prev: i > 0 ? list[i - 1] : null, next: i >= 0 ? (list[i + 1] ?? null) : null };
}

export const loadArticle = cache((paperSlug: string, date: string, rawId: string): ArticleContext =>
  articleOfIssue(loadIssue(paperSlug, date), rawId));

/** Dates with issues in a month, and the nearest months either side that have any. */
export function loadMonth(paperId: number, month: string): MonthData {
  const before = getAdjacentPublishedDates(paperId, `${month}-01`).prev;
  // "YYYY-MM-31" sorts after every real day of the month, whatever its length.
  const after = getAdjacentPublishedDates(paperId, `${month}-31`).next;
  return {
    month,
    dates: listPublishedDatesInMonth(paperId, month),
    prevMonth: before?.slice(0, 7) ?? null,
    nextMonth: after?.slice(0, 7) ?? null,
  };
}

/** 上一期 / 下一期 and the calendar of the issue's month. */
export function loadIssueNav(ctx: IssueContext): IssueNav {
  return {
    adjacent: getAdjacentPublishedDates(ctx.paper.id, ctx.issue.date),
    month: loadMonth(ctx.paper.id, ctx.issue.date.slice(0, 7)),
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * What 保存本期 keeps of an issue: every page and article, each page's text for 听本版, and
 * the images the pages show at phone width (the 960-pixel scan and the thumbnails).
 */
export function loadOfflineList(ctx: IssueContext): OfflineList {
  const { paper, issue, pages, links } = ctx;
  const api = `/api/v1/papers/${paper.slug}/issues/${issue.date}/pages`;
  const urls = [
    ...pages.map((p) => links.page(p.label)),
    ...listPublishedArticles({ paperId: paper.id, date: issue.date }).map((a) => links.article(a.id)),
    ...pages.map((p) => `${api}/${encodeURIComponent(p.label)}`),
    ...pages.flatMap((p) => {
      if (!p.imagePath) return [];
      const src = publicUrl(p.imagePath);
      return [imageVariantUrl(src, 960), imageVariantUrl(src, THUMB_WIDTH)].filter((u): u is string => !!u);
    }),
  ];
  return { issueKey: `${paper.slug}/${issue.date}`, href: links.issue, urls };
}
