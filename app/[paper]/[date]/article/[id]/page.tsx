// An article of an issue: /{paper}/{YYYY-MM-DD}/article/{id}, whole however many pages it crosses.
import type { Metadata } from "next";
import { ArticleScreen } from "@/components/reader/article-screen";
import { PageTurnKeys } from "@/components/reader/page-turn-keys";
import { storyTitle } from "@/lib/format";
import { HighlightTerms } from "@/components/search/highlight-terms";
import { articleMeta, serializeJsonLd } from "@/lib/article-metadata";
import { siteOrigin } from "@/lib/site";
import { loadArticle, type ArticleContext } from "../../../_lib/load";
import { articleMetadata } from "../../../_lib/metadata";

// Rendered per request and kept only by the server's response cache, which follows the
// database (server/http-cache.ts): nothing in .next/ can outlive what the database says.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string; id: string }> };

/** OpenGraph and schema.org NewsArticle. The origin is AUTH_URL's, never a request's Host: cached pages are shared. */
function metaOf(ctx: ArticleContext) {
  const { article } = ctx;
  const first = article.pieces[0];
  return articleMeta({
    origin: siteOrigin(),
    paper: ctx.paper,
    issue: ctx.issue,
    article: {
      id: article.id, title: storyTitle(article.title, first.paragraphs, first.headline), kicker: article.kicker,
      subtitle: article.subtitle, byline: article.byline, images: article.images,
      paragraphs: article.pieces.flatMap((p) => p.paragraphs),
      pageLabel: first.pageLabel, section: first.section, free: !article.gated,
    },
  });
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { paper, date, id } = await params;
  const ctx = loadArticle(paper, date, id);
  const first = ctx.article.pieces[0];
  const meta = metaOf(ctx);
  return {
    ...articleMetadata(ctx, storyTitle(ctx.article.title, first.paragraphs, first.headline), meta.description),
    alternates: { canonical: meta.canonical },
    openGraph: meta.openGraph,
  };
}

export default async function ArticlePage({ params }: Params) {
  const { paper, date, id } = await params;
  const ctx = loadArticle(paper, date, id);
  return (
    <ArticleScreen ctx={ctx}>
      <PageTurnKeys />
      <HighlightTerms />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(metaOf(ctx).jsonLd) }} />
    </ArticleScreen>
  );
}
