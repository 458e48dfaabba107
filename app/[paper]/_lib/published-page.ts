// Route handlers' view of a published issue and page (pages use load.ts, which calls notFound()).
import "server-only";
import { getPaperBySlug } from "@/db/queries/papers";
import { getPublishedIssue, listPublishedPages } from "@/db/queries/issues";
import { canReadFullText, getAccessPolicy } from "@/db/queries/access";
import { accessToday, isFreeToAll } from "@/lib/access";
import { readerOf } from "@/app/(auth)/reader-session";
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

export type FullTextAccess = "public" | "private" | "denied";

/**
 * Whether this request may have the full text of these pages (a page's PDF, ALTO, the whole
 * issue): "public" when it is free to all (shared caches may keep it), "private" for a reader
 * whose subscription covers every page (never stored by a shared cache), else "denied".
 */
export function fullTextAccess(
  request: Request, ctx: { paper: { id: number }; issue: { date: string } }, labels: string[],
): FullTextAccess {
  const content = (pageLabel: string) => ({ issueDate: ctx.issue.date, pageLabel });
  // One read of the policy for all pages: the common answer, free to all, costs no more.
  const policy = getAccessPolicy(ctx.paper.id);
  const today = accessToday();
  if (labels.every((l) => isFreeToAll(policy, content(l), today))) return "public";
  const readerId = readerOf(request)?.id ?? null;
  if (readerId != null && labels.every((l) => canReadFullText({ paperId: ctx.paper.id, content: content(l), readerId }))) return "private";
  return "denied";
}

export const deniedResponse = () =>
  new Response("订阅后查看", { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
