// /{paper}: the paper's latest published issue. A redirect rather than a cached page, because
// "latest" changes when an issue is published and a redirect costs next to nothing to answer.
import { notFound, redirect } from "next/navigation";
import { getLatestPublishedIssue } from "@/db/queries/issues";
import { loadPaper } from "./_lib/load";

export const dynamic = "force-dynamic";

export default async function PaperHome({ params }: { params: Promise<{ paper: string }> }) {
  const { paper: slug } = await params;
  const paper = loadPaper(slug);
  const issue = getLatestPublishedIssue(paper.id) ?? notFound();
  redirect(`/${paper.slug}/${issue.date}`);
}
