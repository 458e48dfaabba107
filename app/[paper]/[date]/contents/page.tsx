// An issue's table of contents on one page: every page with the stories printed on it, and a
// form to search within the issue. Published issues only (loadIssue 404s anything else).
import type { Metadata } from "next";
import Link from "next/link";
import { listPiecesOnPublishedPage } from "@/db/queries/pages";
import { formatIssueDate } from "@/lib/dates";
import { PageHeader } from "@/components/reader/page-header";
import { IslandScript } from "@/components/reader/island-script";
import { jumpFromText, pageName, storyTitle } from "@/lib/format";
import { IssueSearchForm } from "@/components/search/issue-search-form";
import { loadIssue } from "../../_lib/load";
import "@/components/search/search.css";

// Rendered per request and kept only by the server's response cache, which follows the
// database (server/http-cache.ts): nothing in .next/ can outlive what the database says.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { paper, date } = await params;
  const ctx = loadIssue(paper, date);
  return {
    title: `本期目录 - ${ctx.paper.name} ${formatIssueDate(ctx.issue.date)}`,
    alternates: { canonical: `${ctx.links.issue}/contents` },
  };
}

export default async function ContentsPage({ params }: Params) {
  const { paper, date } = await params;
  const ctx = loadIssue(paper, date);
  const { links } = ctx;
  const pages = ctx.pages.map((page) => ({ page, pieces: listPiecesOnPublishedPage({ paperId: ctx.paper.id, date: ctx.issue.date, label: page.label }) }));
  return (
    <div className="reader">
      <PageHeader ctx={ctx} />
      <main id="main" className="reader__page contents" tabIndex={-1}>
        <h1 className="side-box__title">本期目录</h1>
        <IssueSearchForm paper={ctx.paper.slug} date={ctx.issue.date} />
        {pages.map(({ page, pieces }) => (
          <section key={page.id} className="contents__page" aria-labelledby={`contents-${page.id}`}>
            <h2 id={`contents-${page.id}`}><Link prefetch={false} href={links.page(page.label)}>{pageName(page)}</Link></h2>
            {pieces.length === 0 ? (
              <p className="side-box__empty">本版没有文字稿。</p>
            ) : (
              <ol className="contents__list">
                {pieces.map((p) => (
                  <li key={p.id}>
                    <Link prefetch={false} href={links.article(p.articleId)}>
                      <span>
                        {p.seq === 0 && p.kicker && <span className="contents__kicker">{p.kicker}</span>}
                        {storyTitle(p.title, p.paragraphs, p.headline)}
                      </span>
                    </Link>
                    {p.seq > 0 && p.jumpFrom && <span className="jump jump--plain"> {jumpFromText(p.jumpFrom.label)}</span>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </main>
      <IslandScript />
    </div>
  );
}
