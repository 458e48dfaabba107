// Preview of one page, as /{paper}/{date}/{page} will show it.
import { requireEditor } from "@/app/(auth)/guards";
import { PageView } from "@/components/reader/page-view";
import { loadIssueNav } from "@/app/[paper]/_lib/load";
import { previewPage, previewUncertainLinks } from "../../../_load";
import { UncertainLinksNote } from "@/components/admin/uncertain-links-note";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string; page: string }> };

export default async function PreviewPage({ params }: Params) {
  await requireEditor();
  const { paper, date, page } = await params;
  const ctx = previewPage(paper, date, page);
  return <><UncertainLinksNote {...previewUncertainLinks(paper, date)} /><PageView ctx={ctx} nav={loadIssueNav(ctx)} /></>;
}
