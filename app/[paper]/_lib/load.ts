// Loads what a reader route shows, turning every bad or unpublished address into notFound().
// Wrapped in React cache() so generateMetadata and the page share one set of queries.
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getPaperBySlug } from "@/db/queries/papers";
import {
  getAdjacentPublishedDates, getPublishedIssue, listPagesOfIssue, listPublishedDatesInMonth,
} from "@/db/queries/issues";
import { listPiecesOnPage } from "@/db/queries/pages";
import { withZones } from "./zones";
import { getArticleOfIssue, listArticlesOfIssue } from "@/db/queries/articles";
import { isIssueDate } from "@/lib/dates";
import { normalizeLabel } from "@/lib/labels";
import { isPaperSlug } from "@/lib/slugs";
import { issueLinks, publicUrl } from "@/components/reader/format";
import { imageVariantUrl, THUMB_WIDTH } from "@/lib/images";

export const loadPaper = cache((slug: string) => {
  const paper = isPaperSlug(slug) ? getPaperBySlug(slug) : null;
  return paper ?? notFound();
});

/** A published issue with its pages; anything else (draft, malformed date, no pages) is a 404. */
export const loadIssue = cache((paperSlug: string, date: string) => {
  const paper = loadPaper(paperSlug);
  if (!isIssueDate(date)) notFound();
  const issue = getPublishedIssue(paper.id, date) ?? notFound();
  const pages = listPagesOfIssue(issue.id);
  if (pages.length === 0) notFound();
  return { paper, issue, pages, links: issueLinks(paper.slug, issue.date, pages[0].label) };
});
export type IssueContext = ReturnType<typeof loadIssue>;

/** One page of an issue. `canonical` is false when the URL spelled the label another way (03, 三版). */
export function pageOfIssue(ctx: IssueContext, rawLabel: string) {
  const label = normalizeLabel(safeDecode(rawLabel)) ?? notFound();
  const index = ctx.pages.findIndex((p) => p.label === label);
  if (index < 0) notFound();
  const page = ctx.pages[index];
  const pieces = listPiecesOnPage(page.id).map(withZones);
  return { ...ctx, page, index, pieces, canonical: label === rawLabel };
}

export type { ReaderPiece } from "./zones";

export const loadPage = cache((paperSlug: string, date: string, rawLabel: string) =>
  pageOfIssue(loadIssue(paperSlug, date), rawLabel));
export type PageContext = ReturnType<typeof loadPage>;

/** An article of this issue, stitched from its pieces; an article of another issue is a 404. */
export function articleOfIssue(ctx: IssueContext, rawId: string) {
  if (!/^[1-9][0-9]{0,9}$/.test(rawId)) notFound();
  const article = getArticleOfIssue(ctx.issue.id, Number(rawId));
  if (!article || article.pieces.length === 0) notFound();
  const list = listArticlesOfIssue(ctx.issue.id);
  const i = list.findIndex((a) => a.id === article.id);
  return { ...ctx, article, prev: i > 0 ? list[i - 1] : null, next: i >= 0 ? (list[i + 1] ?? null) : null };
}

export const loadArticle = cache((paperSlug: string, date: string, rawId: string) =>
  articleOfIssue(loadIssue(paperSlug, date), rawId));
export type ArticleContext = ReturnType<typeof loadArticle>;

/** Dates with issues in a month, and the nearest months either side that have any. */
export function loadMonth(paperId: number, month: string) {
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
export type MonthData = ReturnType<typeof loadMonth>;

/** 上一期 / 下一期 and the calendar of the issue's month. */
export function loadIssueNav(ctx: IssueContext) {
  return {
    adjacent: getAdjacentPublishedDates(ctx.paper.id, ctx.issue.date),
    month: loadMonth(ctx.paper.id, ctx.issue.date.slice(0, 7)),
  };
}
export type IssueNav = ReturnType<typeof loadIssueNav>;

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
export function loadOfflineList(ctx: IssueContext) {
  const { paper, issue, pages, links } = ctx;
  const api = `/api/v1/papers/${paper.slug}/issues/${issue.date}/pages`;
  const urls = [
    ...pages.map((p) => links.page(p.label)),
    ...listArticlesOfIssue(issue.id).map((a) => links.article(a.id)),
    ...pages.map((p) => `${api}/${encodeURIComponent(p.label)}`),
    ...pages.flatMap((p) => {
      if (!p.imagePath) return [];
      const src = publicUrl(p.imagePath);
      return [imageVariantUrl(src, 960), imageVariantUrl(src, THUMB_WIDTH)].filter((u): u is string => !!u);
    }),
  ];
  return { issueKey: `${paper.slug}/${issue.date}`, href: links.issue, urls };
}
export type OfflineList = ReturnType<typeof loadOfflineList>;
