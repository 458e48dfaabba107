// Builds the reader components' context from draft data (…ForEdit), with links that stay inside
// the preview, so an issue is seen exactly as readers will see it before it is published.
import "server-only";
import { notFound } from "next/navigation";
import { listPagesOfIssue } from "@/db/queries/issues";
import { listPiecesOnPage } from "@/db/queries/pages";
import { getArticleOfIssue, listArticlesOfIssue } from "@/db/queries/articles";
import { normalizeLabel } from "@/lib/labels";
import type { IssueContext, PageContext } from "@/app/[paper]/_lib/load";
import type { IssueLinks } from "@/components/reader/format";
import { issueOrNotFound } from "@/app/admin/_lib/load";

function previewLinks(paper: string, date: string, frontLabel: string): IssueLinks {
  const issue = `/admin/preview/${paper}/${date}`;
  const page = (label: string) => (label === frontLabel ? issue : `${issue}/${encodeURIComponent(label)}`);
  return {
    issue, page,
    piece: (label: string, pieceId: number) => `${page(label)}#piece-${pieceId}`,
    article: (articleId: number) => `${issue}/article/${articleId}`,
  };
}

export function previewIssue(paperSlug: string, date: string): IssueContext {
  const found = issueOrNotFound(paperSlug, date);
  const { paper, ...rest } = found;
  const issue = { id: rest.id, date: rest.date, number: rest.number, status: rest.status, publishedAt: rest.publishedAt };
  const pages = listPagesOfIssue(issue.id);
  if (pages.length === 0) notFound();
  return { paper, issue, pages, links: previewLinks(paper.slug, issue.date, pages[0].label) };
}

export function previewPage(paperSlug: string, date: string, rawLabel: string | null): PageContext {
  const ctx = previewIssue(paperSlug, date);
  const label = rawLabel == null ? ctx.pages[0].label : normalizeLabel(decodeURIComponent(rawLabel));
  const index = ctx.pages.findIndex((p) => p.label === label);
  if (index < 0) notFound();
  const page = ctx.pages[index];
  return { ...ctx, page, index, pieces: listPiecesOnPage(page.id), canonical: true };
}

export function previewArticle(paperSlug: string, date: string, rawId: string) {
  const ctx = previewIssue(paperSlug, date);
  if (!/^[1-9][0-9]{0,9}$/.test(rawId)) notFound();
  const article = getArticleOfIssue(ctx.issue.id, Number(rawId));
  if (!article || article.pieces.length === 0) notFound();
  const list = listArticlesOfIssue(ctx.issue.id);
  const i = list.findIndex((a) => a.id === article.id);
  return { ...ctx, article, prev: i > 0 ? list[i - 1] : null, next: i >= 0 ? (list[i + 1] ?? null) : null };
}
