// An issue's front page: /{paper}/{YYYY-MM-DD}.
import type { Metadata } from "next";
import { PageView } from "@/components/reader/page-view";
import { loadIssue, loadIssueNav, loadOfflineList, loadPage } from "../_lib/load";
import { pageMetadata } from "../_lib/metadata";

// Rendered per request and kept only by the server's response cache, which follows the
// database (server/http-cache.ts): nothing in .next/ can outlive what the database says.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string }> };

function loadFront(paper: string, date: string) {
  return loadPage(paper, date, loadIssue(paper, date).pages[0].label);
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { paper, date } = await params;
  return pageMetadata(loadFront(paper, date));
}

export default async function FrontPage({ params }: Params) {
  const { paper, date } = await params;
  const ctx = loadFront(paper, date);
  return <PageView ctx={ctx} nav={loadIssueNav(ctx)} offline={loadOfflineList(ctx)} />;
}
