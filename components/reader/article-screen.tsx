// The article route's whole screen: header, the stitched article, 上一篇/下一篇, the way back to
// its page, and the page list. Shared by the reader and the back office's preview.
import type { ReactNode } from "react";
import type { ArticleContext } from "@/db/queries/reader-views";
import { ArticlePager, ArticleView } from "./article-view";
import { pageName } from "@/lib/format";
import { PageHeader } from "./page-header";
import { PageNav } from "./page-nav";
import { IslandScript } from "./island-script";

export function ArticleScreen({ ctx, url, children }: { ctx: ArticleContext; url?: string; children?: ReactNode }) {
  const { article, links } = ctx;
  const firstPage = ctx.pages.find((p) => p.label === article.pieces[0].pageLabel);
  return (
    <div className="reader reader--article">
      <PageHeader ctx={ctx} />
      <main id="main" className="reader__article" tabIndex={-1}>
        <ArticleView ctx={ctx} article={article} url={url} />
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
      {children}
      <IslandScript />
    </div>
  );
}
