// Titles as readers bookmark them: "第3版：综合 - 临澜日报 2026年11月26日".
import type { Metadata } from "next";
import { formatIssueDate } from "@/lib/dates";
import { pageName } from "@/lib/format";
import type { IssueContext, PageContext } from "./load";

export function pageMetadata(ctx: PageContext): Metadata {
  return {
    title: `${pageName(ctx.page, false)} - ${ctx.paper.name} ${formatIssueDate(ctx.issue.date)}`,
    alternates: { canonical: ctx.links.page(ctx.page.label) },
  };
}

export function articleMetadata(ctx: IssueContext, title: string, description?: string): Metadata {
  return {
    title: `${title} - ${ctx.paper.name} ${formatIssueDate(ctx.issue.date)}`,
    description: description?.slice(0, 120),
  };
}
