// Reads /search's query string. Malformed filters are dropped with a note for the reader rather
// than failing the page: a search page should always answer.
import { isIssueDate } from "../dates";
import { isPaperSlug } from "../slugs";
import { parseQuery, type ParsedQuery } from "./query";

export const RESULTS_PER_PAGE = 20;
export const MAX_RESULT_PAGE = 50;

export type RawParams = Record<string, string | string[] | undefined>;

export type SearchFilters = {
  /** Paper slug, not yet checked to exist. */
  paper: string | null;
  from: string | null;
  to: string | null;
  section: string | null;
};

export type SearchRequest = {
  query: ParsedQuery;
  filters: SearchFilters;
  page: number;
  /** Plain-language notes about what was ignored or changed. */
  notes: string[];
};

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

function dateParam(value: string | undefined, label: string, notes: string[]): string | null {
  if (value === undefined) return null;
  const shown = value.slice(0, 20);
  if (isIssueDate(value)) return value;
  notes.push(`${label}“${shown}”不是有效日期（应为 年-月-日，如 2026-11-26），已忽略。`);
  return null;
}

export function parseSearchParams(params: RawParams): SearchRequest {
  const notes: string[] = [];
  const query = parseQuery(params.q);
  if (query.truncated) notes.push("检索词过长，只按前面的部分检索。");

  const rawPaper = first(params.paper);
  let paper: string | null = null;
  if (rawPaper !== undefined) {
    const shown = rawPaper.slice(0, 40);
    if (isPaperSlug(rawPaper)) paper = rawPaper;
    else notes.push(`没有名为“${shown}”的报纸，已在全部报纸中检索。`);
  }

  // date= is one day (search within an issue); from/to bound a range.
  const day = dateParam(first(params.date), "日期", notes);
  let from = day ?? dateParam(first(params.from), "起始日期", notes);
  let to = day ?? dateParam(first(params.to), "截止日期", notes);
  if (from && to && from > to) {
    [from, to] = [to, from];
    notes.push("起止日期前后颠倒，已对调。");
  }

  const rawSection = first(params.section);
  const section = rawSection ? [...rawSection].slice(0, 20).join("") : null;

  const rawPage = first(params.page);
  let page = 1;
  if (rawPage !== undefined) {
    const n = /^\d{1,4}$/.test(rawPage) ? Number(rawPage) : NaN;
    if (n >= 1 && n <= MAX_RESULT_PAGE) page = n;
    else notes.push(`页码“${rawPage.slice(0, 10)}”无效，已显示第 1 页。`);
  }

  return { query, filters: { paper, from, to, section }, page, notes };
}

/** The /search URL for a request, with another page number or filters changed. */
export function searchHref(q: string, filters: Partial<SearchFilters> & { date?: string | null }, page = 1): string {
  const sp = new URLSearchParams();
  if (q) sp.set("q", q);
  if (filters.paper) sp.set("paper", filters.paper);
  if (filters.date) sp.set("date", filters.date);
  else {
    if (filters.from) sp.set("from", filters.from);
    if (filters.to) sp.set("to", filters.to);
  }
  if (filters.section) sp.set("section", filters.section);
  if (page > 1) sp.set("page", String(page));
  const s = sp.toString();
  return s ? `/search?${s}` : "/search";
}

/** The article URL a result links to, carrying the terms to highlight (?hl=外贸+乌兰). */
export function articleHref(paper: string, date: string, articleId: number, terms: readonly string[]): string {
  const base = `/${paper}/${date}/article/${articleId}`;
  if (!terms.length) return base;
  const sp = new URLSearchParams();
  sp.set("hl", terms.join(" "));
  return `${base}?${sp.toString()}`;
}
