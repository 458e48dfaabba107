// One search result per article: title, 报名 · date · 第3版 · 综合, and a snippet, terms marked.
import { displayLabel } from "@/lib/labels";
import { formatIssueDate } from "@/lib/dates";
import { articleHref } from "@/lib/search/params";
import type { SearchHit } from "@/db/queries/search";
import { MarkedText } from "./marked-text";

/** The hit's page with the terms marked on it (#hl=…, see terms-from-location.ts). */
function pageHref(hit: SearchHit, terms: string[]): string {
  const base = `/${hit.paper.slug}/${hit.date}/${encodeURIComponent(hit.pageLabel)}`;
  return terms.length ? `${base}#${new URLSearchParams({ hl: terms.join(" ") })}` : base;
}

export function ResultList({ hits, terms, start }: { hits: SearchHit[]; terms: string[]; start: number }) {
  return (
    <ol className="search-results" start={start}>
      {hits.map((hit) => (
        <li key={hit.articleId} className="search-result">
          <h2 className="search-result__title">
            <a href={articleHref(hit.paper.slug, hit.date, hit.articleId, terms)}>
              <MarkedText segments={hit.titleSegments} />
            </a>
          </h2>
          <p className="search-result__meta">
            {hit.paper.name} · <time dateTime={hit.date}>{formatIssueDate(hit.date)}</time> · {displayLabel(hit.pageLabel)}
            {hit.section && <> · {hit.section}</>}
          </p>
          <p className="search-result__snippet"><MarkedText segments={hit.snippet} /></p>
          <p className="search-result__page">
            <a href={pageHref(hit, terms)}>在版面上查看（{displayLabel(hit.pageLabel)}）</a>
          </p>
        </li>
      ))}
    </ol>
  );
}
