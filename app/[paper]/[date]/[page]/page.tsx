// One page of an issue: /{paper}/{YYYY-MM-DD}/{label}. The front page's label and other
// spellings of a label (03, 三版) redirect to the one URL each page has.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageView } from "@/components/reader/page-view";
import { loadIssueNav, loadOfflineList, loadPage } from "../../_lib/load";
import { pageMetadata } from "../../_lib/metadata";

// Rendered per request and kept only by the server's response cache, which follows the
// database (server/http-cache.ts): nothing in .next/ can outlive what the database says.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string; page: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { paper, date, page } = await params;
  return pageMetadata(loadPage(paper, date, page));
}

export default async function InsidePage({ params }: Params) {
  const { paper, date, page } = await params;
  const ctx = loadPage(paper, date, page);
  if (ctx.index === 0 || !ctx.canonical) redirect(ctx.links.page(ctx.page.label));
  return <PageView ctx={ctx} nav={loadIssueNav(ctx)} offline={loadOfflineList(ctx)} />;
}
