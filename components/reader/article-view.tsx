// The article as one reflowed text: a story that jumps is stitched from all its pieces in order,
// with the pages it crosses shown at the top and a marker where each later part begins.
import Link from "next/link";
import type { ArticleWithPieces as Article } from "@/db/queries/articles";
import { articleTrail } from "@/lib/jumps";
import { displayLabel } from "@/lib/labels";
import { formatIssueDate } from "@/lib/dates";
import type { IssueContext } from "@/db/queries/reader-views";
import { paddedLabel, publicUrl, storyTitle, type IssueLinks } from "@/lib/format";
import { ArticleTools as SubscriberTools } from "@/components/subscribe/article-tools";
import { PaywallPanel } from "@/components/subscribe/paywall-panel";
import { CopyLink } from "./article-tools";
import { ArticleBody } from "./article-body";
import { Listen } from "./listen";
import "./article.css";

/** `url`: the article's absolute address, for the copy-link control. */
export function ArticleView({ ctx, article, url }: { ctx: IssueContext; article: Article & { gated?: boolean }; url?: string }) {
  const { links } = ctx;
  const title = storyTitle(article.title, article.pieces[0].paragraphs, article.pieces[0].headline);
  const pieceHref = Object.fromEntries(article.pieces.map((p) => [p.id, links.piece(p.pageLabel, p.id)]));
  const trail = articleTrail(article.pieces.map((p) => ({ pieceId: p.id, pageLabel: p.pageLabel })));
  return (
    <article className="article" data-article-id={article.id} aria-labelledby="article-title">
      {trail.length > 1 && <Trail trail={trail} links={links} />}
      <header className="article__head">
        {article.column && <p className="article__column">{article.column}</p>}
        {article.kicker && <p className="article__kicker">{article.kicker}</p>}
        <h1 id="article-title" className="article__title" tabIndex={-1} data-island="focus-title">{title}</h1>
        {article.subtitle && <p className="article__subtitle">{article.subtitle}</p>}
        {article.byline && <p className="article__byline">{article.byline}</p>}
      </header>
      <div className="article__tools">
        <Listen mode="article" />
        {url && <CopyLink url={url} />}
        <SubscriberTools articleId={article.id} here={links.article(article.id)} />
      </div>
      {article.images.map((img, i) => (
        <figure key={i} className="article__figure">
          <img src={publicUrl(img.src)} alt={img.caption ?? `${title}（配图）`} loading={i === 0 ? "eager" : "lazy"}
            decoding="async" width={img.width} height={img.height} />
          {img.caption && <figcaption>{img.caption}</figcaption>}
        </figure>
      ))}
      {article.gated
        ? <PaywallPanel articleId={article.id} opening={article.pieces} here={links.article(article.id)} pieceHref={pieceHref} />
        : <ArticleBody pieces={article.pieces} pieceHref={pieceHref} />}
      <p className="article__source">
        {/* Every page the story is printed on, as a jumped story's source line reads in print. */}
        《{ctx.paper.name}》（{formatIssueDate(ctx.issue.date)} {[...new Set(article.pieces.map((p) => p.pageLabel))].map(paddedLabel).join("、")}）
      </p>
    </article>
  );
}

function Trail({ trail, links }: { trail: { pageLabel: string; pieceId: number }[]; links: IssueLinks }) {
  return (
    <nav className="article__trail" aria-label="本文所在版面">
      <ol>
        {trail.map((t) => (
          <li key={t.pieceId}><a href={links.piece(t.pageLabel, t.pieceId)}>{displayLabel(t.pageLabel)}</a></li>
        ))}
      </ol>
    </nav>
  );
}

type Neighbour = { id: number; title: string | null; kicker: string | null } | null;

/** 上一篇 / 下一篇 within the issue; rel="prev"/"next" so ←/→ follow them too. */
export function ArticlePager({ prev, next, links }: { prev: Neighbour; next: Neighbour; links: IssueLinks }) {
  const name = (a: NonNullable<Neighbour>) => storyTitle(a.title, [], a.kicker);
  return (
    <nav className="pager pager--article" aria-label="上一篇与下一篇">
      {prev ? (
        <Link rel="prev" href={links.article(prev.id)} prefetch={false} className="pager__link">
          上一篇<span className="pager__name">{name(prev)}</span>
        </Link>
      ) : <span className="pager__link pager__link--off">已是第一篇</span>}
      {next ? (
        <Link rel="next" href={links.article(next.id)} prefetch={false} className="pager__link pager__link--next">
          下一篇<span className="pager__name">{name(next)}</span>
        </Link>
      ) : <span className="pager__link pager__link--next pager__link--off">已是最后一篇</span>}
    </nav>
  );
}
