// Preview of an article, as /{paper}/{date}/article/{id} will show it (same components).
import { requireEditor } from "@/app/(auth)/guards";
import { ArticleScreen } from "@/components/reader/article-screen";
import { previewArticle, previewUncertainLinks } from "../../../../_load";
import { UncertainLinksNote } from "@/components/admin/uncertain-links-note";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string; id: string }> };

export default async function PreviewArticle({ params }: Params) {
  await requireEditor();
  const { paper, date, id } = await params;
  return <><UncertainLinksNote {...previewUncertainLinks(paper, date)} /><ArticleScreen ctx={previewArticle(paper, date, id)} /></>;
}
