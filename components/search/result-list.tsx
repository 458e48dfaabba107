// One search result per article: title, 报名 · date · 第3版 · 综合, and a snippet, terms marked.
import { displayLabel } from "@/lib/labels";
import { formatIssueDate } from "@/lib/dates";
import { articleHref } from "@/lib/search/params";
import type { SearchHit } from "@/db/queries/search";
import { MarkedText } from "./marked-text";

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
        </li>
      ))}
    </ol>
  );
}
