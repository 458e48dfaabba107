// `/`: the default paper's latest published issue, rendered here rather than redirected (a
// redirect costs a phone a round trip before anything shows). Dynamic, so "latest" follows
// publishing; its canonical URL is the issue's own address.
import type { Metadata } from "next";
import Link from "next/link";
import { getDefaultPaper } from "@/db/queries/papers";
import { getLatestPublishedIssue } from "@/db/queries/issues";
import { PageView } from "@/components/reader/page-view";
import { loadIssue, loadIssueNav, loadOfflineList, loadPage } from "./[paper]/_lib/load";
import { pageMetadata } from "./[paper]/_lib/metadata";

export const dynamic = "force-dynamic";

function latestFront() {
  const paper = getDefaultPaper();
  const issue = paper ? getLatestPublishedIssue(paper.id) : null;
  if (!paper || !issue) return null;
  return loadPage(paper.slug, issue.date, loadIssue(paper.slug, issue.date).pages[0].label);
}

export async function generateMetadata(): Promise<Metadata> {
  const ctx = latestFront();
  return ctx ? pageMetadata(ctx) : { title: "版面 · 数字报" };
}

export default async function Home() {
  const ctx = latestFront();
  if (ctx) return <PageView ctx={ctx} nav={loadIssueNav(ctx)} offline={loadOfflineList(ctx)} />;
  // A new site: nothing is published yet. Say so, rather than "page not found".
  return (
    <main id="main" className="not-found">
      <h1>版面</h1>
      <p>这里还没有发布的报纸。</p>
      <p><Link prefetch={false} href="/signin">编辑登录</Link></p>
    </main>
  );
}
