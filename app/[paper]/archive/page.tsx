// /{paper}/archive: the month of the latest published issue.
import { notFound, redirect } from "next/navigation";
import { getLatestPublishedIssue } from "@/db/queries/issues";
import { archiveHref } from "@/lib/format";
import { loadPaper } from "../_lib/load";

export const dynamic = "force-dynamic";

export default async function ArchiveHome({ params }: { params: Promise<{ paper: string }> }) {
  const { paper: slug } = await params;
  const paper = loadPaper(slug);
  const issue = getLatestPublishedIssue(paper.id) ?? notFound();
  redirect(archiveHref(paper.slug, issue.date.slice(0, 7)));
}
