// "Search this issue": a small GET form for an issue's pages, leading to /search?paper=&date=.
import "./issue-search.css";

export function IssueSearchForm({ paper, date }: { paper: string; date: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the search role on the form is what screen readers announce today.
    <form className="issue-search" action="/search" method="get" role="search" aria-label="在本期中检索">
      <input type="hidden" name="paper" value={paper} />
      <input type="hidden" name="date" value={date} />
      <label className="visually-hidden" htmlFor={`issue-search-${date}`}>在本期中检索</label>
      <input id={`issue-search-${date}`} name="q" type="search" placeholder="在本期中检索" autoComplete="off" enterKeyHint="search" />
      <button type="submit">检索</button>
    </form>
  );
}
