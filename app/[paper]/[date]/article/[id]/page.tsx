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
import { listPiecesOnPublishedPage } from "@/db/queries/pages";
import { SHARE_HEIGHT, SHARE_WIDTH } from "@/lib/share-crop";

// Rendered per request and kept only by the server's response cache, which follows the
// database (server/http-cache.ts): nothing in .next/ can outlive what the database says.
export const dynamic = "force-dynamic";

/** Whether the article has a zone on a scanned page (share.jpg then has a card to cut). */
function shareCardOf(ctx: ArticleContext): boolean {
  return ctx.article.pieces.some((piece) => {
    const page = ctx.pages.find((p) => p.label === piece.pageLabel);
    return !!page?.imagePath && listPiecesOnPublishedPage({ paperId: ctx.paper.id, date: ctx.issue.date, label: page.label })
      .some((p) => p.id === piece.id && p.zones.length > 0);
  });
}

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
  // The share card is the story as printed, cut from the page scan, where it has a zone there.
  const card = shareCardOf(ctx);
  return {
    ...articleMetadata(ctx, storyTitle(ctx.article.title, first.paragraphs, first.headline), meta.description),
    alternates: { canonical: meta.canonical },
    openGraph: card ? { ...meta.openGraph, images: [{ url: `${meta.canonical}/share.jpg`, width: SHARE_WIDTH, height: SHARE_HEIGHT }] } : meta.openGraph,
    twitter: card ? { card: "summary_large_image" } : undefined,
  };
}

export default async function ArticlePage({ params }: Params) {
  const { paper, date, id } = await params;
  const ctx = loadArticle(paper, date, id);
  return (
    <ArticleScreen ctx={ctx} url={metaOf(ctx).canonical}>
      <PageTurnKeys />
      <HighlightTerms />
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD, serialised with every "<" escaped (serializeJsonLd) */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(metaOf(ctx).jsonLd) }} />
    </ArticleScreen>
  );
}
