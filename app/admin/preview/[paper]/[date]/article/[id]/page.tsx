// Preview of an article, as /{paper}/{date}/article/{id} will show it (same components).
import { requireEditor } from "@/app/(auth)/guards";
import { ArticleScreen } from "@/components/reader/article-screen";
import { previewArticle } from "../../../../_load";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string; id: string }> };

export default async function PreviewArticle({ params }: Params) {
  await requireEditor();
  const { paper, date, id } = await params;
  return <ArticleScreen ctx={previewArticle(paper, date, id)} />;
}
