// `/`: the default paper's latest published issue. A redirect, not a cached copy of the front
// page: prerendered at build time it would freeze whatever the database held then (often
// nothing, before the demo is seeded), and "latest" moves whenever an issue is published.
// The redirect is a couple of indexed reads; the issue URL it leads to is ISR-cached.
import { notFound, redirect } from "next/navigation";
import { getDefaultPaper } from "@/db/queries/papers";
import { getLatestPublishedIssue } from "@/db/queries/issues";

export const dynamic = "force-dynamic";

export default async function Home() {
  const paper = getDefaultPaper() ?? notFound();
  const issue = getLatestPublishedIssue(paper.id) ?? notFound();
  redirect(`/${paper.slug}/${issue.date}`);
}
