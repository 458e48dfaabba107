// `/`: the default paper's latest published issue. A redirect, not a cached copy of the front
// page: prerendered at build time it would freeze whatever the database held then (often
// nothing, before the demo is seeded), and "latest" moves whenever an issue is published.
// The redirect is a couple of indexed reads; the issue URL it leads to is ISR-cached.
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDefaultPaper } from "@/db/queries/papers";
import { getLatestPublishedIssue } from "@/db/queries/issues";

export const dynamic = "force-dynamic";

export default async function Home() {
  const paper = getDefaultPaper();
  const issue = paper ? getLatestPublishedIssue(paper.id) : null;
  if (paper && issue) redirect(`/${paper.slug}/${issue.date}`);
  // A new site: nothing is published yet. Say so, rather than "page not found".
  return (
    <main id="main" className="not-found">
      <h1>版面</h1>
      <p>这里还没有发布的报纸。</p>
      <p><Link href="/signin">编辑登录</Link></p>
    </main>
  );
}
