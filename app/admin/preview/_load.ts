// Builds the reader components' context from draft data (…ForEdit), with links that stay inside
// the preview, so an issue is seen exactly as readers will see it before it is published.
import "server-only";
import { notFound } from "next/navigation";
import { listPagesOfIssueForEdit } from "@/db/queries/issues";
import {
  articleOfIssue, pageOfIssue, type ArticleContext, type IssueContext, type PageContext,
} from "@/app/[paper]/_lib/load";
import { issueLinks } from "@/lib/format";
import { issueOrNotFound } from "@/app/admin/_lib/load";
import { listUncertainLinksForEdit } from "@/db/queries/edit-jumps";

// Links that stay inside the preview.
const previewLinks = (paper: string, date: string, frontLabel: string) => issueLinks(paper, date, frontLabel, "/admin/preview");

export function previewIssue(paperSlug: string, date: string): IssueContext {
  const found = issueOrNotFound(paperSlug, date);
  const { paper, ...rest } = found;
  const issue = { id: rest.id, date: rest.date, number: rest.number, status: rest.status, publishedAt: rest.publishedAt };
  const pages = listPagesOfIssueForEdit(issue.id);
  if (pages.length === 0) notFound();
  return { paper, issue, pages, links: previewLinks(paper.slug, issue.date, pages[0].label), forEdit: true };
}

/** The draft's page; the front page when no label is given. */
export function previewPage(paperSlug: string, date: string, rawLabel: string | null): PageContext {
  const ctx = previewIssue(paperSlug, date);
  return pageOfIssue(ctx, rawLabel ?? ctx.pages[0].label);
}

export function previewArticle(paperSlug: string, date: string, rawId: string): ArticleContext {
  return articleOfIssue(previewIssue(paperSlug, date), rawId);
}

/** The issue's links awaiting confirmation, with where the preview shows each story. */
export function previewUncertainLinks(paperSlug: string, date: string) {
  const issue = issueOrNotFound(paperSlug, date);
  return {
    links: listUncertainLinksForEdit(issue.id),
    articleHref: (id: number) => `/admin/preview/${paperSlug}/${date}/article/${id}`,
  };
}
