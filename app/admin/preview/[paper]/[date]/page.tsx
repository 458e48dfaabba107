// Preview of an issue's front page, as /{paper}/{date} will show it.
import { requireEditor } from "@/app/(auth)/guards";
import { PageView } from "@/components/reader/page-view";
import { loadIssueNav } from "@/app/[paper]/_lib/load";
import { previewPage, previewUncertainLinks } from "../../_load";
import { UncertainLinksNote } from "@/components/admin/uncertain-links-note";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string }> };

export default async function PreviewFront({ params }: Params) {
  await requireEditor();
  const { paper, date } = await params;
  const ctx = previewPage(paper, date, null);
  return <><UncertainLinksNote {...previewUncertainLinks(paper, date)} /><PageView ctx={ctx} nav={loadIssueNav(ctx)} /></>;
}
