// Preview of an article, as /{paper}/{date}/article/{id} will show it (same components).
import { requireEditor } from "@/lib/auth/guards";
import { ArticlePager, ArticleView } from "@/components/reader/article-view";
import { PageHeader } from "@/components/reader/page-header";
import { PageNav } from "@/components/reader/page-nav";
import { pageName } from "@/components/reader/format";
import { previewArticle } from "../../../../_load";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string; id: string }> };

export default async function PreviewArticle({ params }: Params) {
  await requireEditor();
  const { paper, date, id } = await params;
  const ctx = previewArticle(paper, date, id);
  const { article, links } = ctx;
  const firstPage = ctx.pages.find((p) => p.label === article.pieces[0].pageLabel);
  return (
    <div className="reader reader--article">
      <PageHeader ctx={ctx} />
      <main id="main" className="reader__article" tabIndex={-1}>
        <ArticleView ctx={ctx} article={article} />
        <ArticlePager prev={ctx.prev} next={ctx.next} links={links} />
        {firstPage && (
          <p className="back-to-page">
            <a href={links.piece(firstPage.label, article.pieces[0].id)}>返回{pageName(firstPage)}</a>
          </p>
        )}
      </main>
      <aside className="reader__side" aria-label="版面">
        <PageNav ctx={ctx} />
      </aside>
    </div>
  );
}
