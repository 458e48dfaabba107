// /search?q=…&paper=&from=&to=&date=&section=&page= : published articles only (the index holds
// nothing else). Every input is bounded and escaped; a bad filter is dropped with a note, and a
// failure of the index is a message, never a 500.
import type { Metadata } from "next";
import Link from "next/link";
import { listPublishedPapers } from "@/db/queries/papers";
import { getLatestPublishedIssue, listPublishedPages } from "@/db/queries/issues";
import { searchArticles, type SearchResult } from "@/db/queries/search";
import { parseSearchParams, RESULTS_PER_PAGE, searchHref, type RawParams } from "@/lib/search/params";
import { formatIssueDate } from "@/lib/dates";
import { SearchForm } from "@/components/search/search-form";
import { ResultList } from "@/components/search/result-list";
import { ReaderPrefs } from "@/components/reader/reader-prefs";
import { IslandScript } from "@/components/reader/island-script";
import "@/components/search/search.css";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseSearchParams(await searchParams);
  return {
    title: query.text ? `“${query.text}”的检索结果 - 版面` : "检索 - 版面",
    robots: { index: false, follow: true },
  };
}

function runSearch(args: Parameters<typeof searchArticles>[0]): SearchResult | "failed" {
  try {
    return searchArticles(args);
  } catch (e) {
    console.error("search failed", { match: args.match }, e);
    return "failed";
  }
}

export default async function SearchPage({ searchParams }: Props) {
  const req = parseSearchParams(await searchParams);
  const { query, filters, page } = req;
  const notes = [...req.notes];
  const papers = listPublishedPapers();
  const paper = filters.paper ? papers.find((p) => p.slug === filters.paper) ?? null : null;
  if (filters.paper && !paper) notes.push(`没有名为“${filters.paper}”的报纸，已在全部报纸中检索。`);
  const effective = { ...filters, paper: paper?.slug ?? null };

  const latest = getLatestPublishedIssue((paper ?? papers[0])?.id ?? -1);
  const sections = latest ? [...new Set(listPublishedPages({ paperId: (paper ?? papers[0]).id, date: latest.date }).map((p) => p.section).filter((s): s is string => !!s))] : [];

  const result = query.match
    ? runSearch({
        match: query.match, terms: query.terms, paperId: paper?.id ?? null,
        from: filters.from, to: filters.to, section: filters.section,
        limit: RESULTS_PER_PAGE, offset: (page - 1) * RESULTS_PER_PAGE,
      })
    : null;
  const oneDay = filters.from && filters.from === filters.to ? filters.from : null;
  const scope = [
    paper?.name,
    oneDay ? `${formatIssueDate(oneDay)}当期` : [filters.from && `${formatIssueDate(filters.from)}起`, filters.to && `${formatIssueDate(filters.to)}止`].filter(Boolean).join(""),
    filters.section && `“${filters.section}”版`,
  ].filter(Boolean).join(" · ");
  const hrefFor = (n: number) => searchHref(query.text, oneDay ? { ...effective, date: oneDay } : effective, n);

  return (
    <div className="search-page">
      <header className="page-header">
        {paper || papers[0] ? (
          <Link prefetch={false} className="page-header__paper" href={`/${(paper ?? papers[0]).slug}`}>{(paper ?? papers[0]).name}</Link>
        ) : (
          <Link prefetch={false} className="page-header__paper" href="/">版面</Link>
        )}
        <h1 className="page-header__title">检索</h1>
        <ReaderPrefs />
      </header>
      <main id="main" tabIndex={-1}>
        <SearchForm q={query.text} filters={effective} papers={papers} sections={sections} />
        {notes.length > 0 && (
          <ul className="search-notes" aria-label="提示">
            {notes.map((n) => <li key={n}>{n}</li>)}
          </ul>
        )}
        <div className="search-status" role="status">
          {!query.text && <p>请输入要检索的词语，例如“外贸”“地铁”。多个词用空格隔开，结果须同时包含它们。</p>}
          {query.text && !query.match && <p>“{query.text}”里没有可检索的文字：标点和符号会被忽略，请换个词试试。</p>}
          {result === "failed" && <p>检索暂时出了问题，请稍后再试。</p>}
          {result && result !== "failed" && result.total === 0 && (
            <p>没有找到包含“{query.text}”的文章{scope && `（${scope}）`}。{scope ? "可以去掉筛选条件再试。" : "可以换个说法，或少用几个词。"}</p>
          )}
          {result && result !== "failed" && result.total > 0 && (
            <p>
              {scope && `${scope}：`}找到 {result.capped ? `${result.total} 篇以上` : `${result.total} 篇`}文章
              {result.hits.length > 0 ? `，第 ${(page - 1) * RESULTS_PER_PAGE + 1}–${(page - 1) * RESULTS_PER_PAGE + result.hits.length} 篇` : "，这一页已超出结果范围"}。
              {result.capped && " 结果较多，只排列最近的报道；用日期筛选可以查看更早的。"}
            </p>
          )}
        </div>
        {result && result !== "failed" && result.hits.length > 0 && (
          <>
            <ResultList hits={result.hits} terms={query.terms} start={(page - 1) * RESULTS_PER_PAGE + 1} />
            <nav className="pager" aria-label="结果分页">
              {page > 1 && <Link prefetch={false} className="pager__link" href={hrefFor(page - 1)} rel="prev">上一页</Link>}
              {page * RESULTS_PER_PAGE < result.total && (
                <Link prefetch={false} className="pager__link pager__link--next" href={hrefFor(page + 1)} rel="next">下一页</Link>
              )}
            </nav>
          </>
        )}
      </main>
      <IslandScript />
    </div>
  );
}
