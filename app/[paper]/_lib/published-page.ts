// Route handlers' view of a published issue and page (pages use load.ts, which calls notFound()).
import "server-only";
import { getPaperBySlug } from "@/db/queries/papers";
import { getPublishedIssue, listPublishedPages } from "@/db/queries/issues";
import { getPagesAccess, type FullTextAccess } from "@/db/queries/access";
import { readerTokenOf } from "@/app/(auth)/reader-session";
import { isIssueDate } from "@/lib/dates";
import { isPaperSlug } from "@/lib/slugs";
import { normalizeLabel } from "@/lib/labels";

/** A published issue and its pages, or null for anything else (draft, unknown, malformed). */
export function publishedIssue(slug: string, date: string) {
  const paper = isPaperSlug(slug) ? getPaperBySlug(slug) : null;
  if (!paper || !isIssueDate(date)) return null;
  const issue = getPublishedIssue(paper.id, date);
  if (!issue) return null;
  return { paper, issue, pages: listPublishedPages({ paperId: paper.id, date }) };
}

export function publishedPage(slug: string, date: string, rawLabel: string) {
  const ctx = publishedIssue(slug, date);
  let label: string | null = null;
  try { label = normalizeLabel(decodeURIComponent(rawLabel)); } catch { return null; }
  const page = ctx?.pages.find((p) => p.label === label);
  return ctx && page ? { ...ctx, page } : null;
}

export const notFoundResponse = () =>
  new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });

export type { FullTextAccess };

/** The access of this request to the full text of these pages of the issue (db/queries/access.ts). */
export function fullTextAccess(
  request: Request, ctx: { paper: { id: number }; issue: { date: string } }, labels: string[],
): FullTextAccess {
  return getPagesAccess({ paperId: ctx.paper.id, issueDate: ctx.issue.date, labels, token: readerTokenOf(request) });
}

export const deniedResponse = () =>
  new Response("订阅后查看", { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
