// The search form: a plain GET form, so it works without JavaScript and every search is a URL.
import type { SearchFilters } from "@/lib/search/params";
import { MAX_QUERY_CHARS } from "@/lib/search/query";

type Props = {
  q: string;
  filters: SearchFilters;
  papers: { slug: string; name: string }[];
  sections: string[];
};

export function SearchForm({ q, filters, papers, sections }: Props) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the search role on the form is what screen readers announce today.
    <form className="search-form" action="/search" method="get" role="search">
      <div className="search-form__main">
        <label className="visually-hidden" htmlFor="search-q">检索词</label>
        <input id="search-q" name="q" type="search" defaultValue={q} placeholder="输入词语，如：外贸 地铁"
          maxLength={MAX_QUERY_CHARS * 2} autoComplete="off" enterKeyHint="search" />
        <button type="submit">检索</button>
      </div>
      <details className="search-form__filters" open={!!(filters.paper || filters.from || filters.to || filters.section)}>
        <summary>筛选</summary>
        <div className="search-form__grid">
          {papers.length > 1 && (
            <label>报纸
              <select name="paper" defaultValue={filters.paper ?? ""}>
                <option value="">全部报纸</option>
                {papers.map((p) => <option key={p.slug} value={p.slug}>{p.name}</option>)}
              </select>
            </label>
          )}
          {papers.length === 1 && filters.paper && <input type="hidden" name="paper" value={filters.paper} />}
          <label>从<input type="date" name="from" defaultValue={filters.from ?? ""} /></label>
          <label>到<input type="date" name="to" defaultValue={filters.to ?? ""} /></label>
          <label>版名
            <input type="text" name="section" defaultValue={filters.section ?? ""} list="search-sections" placeholder="如：综合" maxLength={20} />
          </label>
          <datalist id="search-sections">
            {sections.map((s) => <option key={s} value={s} />)}
          </datalist>
        </div>
      </details>
    </form>
  );
}
