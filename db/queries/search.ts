// The full-text index of published articles and the reader's search over it.
// Index: search_docs (one row per article of a published issue) + search_fts (FTS5, contentless,
// rowid = doc id, see lib/search/doc-id.ts) holding jieba-segmented text; see
// lib/search/tokenize.ts for why.
// Writes happen inside the publishing transaction, so an issue is findable the moment it is
// published; triggers (migration 0002) drop its rows the moment it is not.
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { articles, issues, pages, papers, pieces, searchDocs, searchMeta } from "../schema";
import { segmentForIndex, TOKENIZER_VERSION } from "../../lib/search/tokenize";
import { highlightSegments, snippetSegments, type Segment } from "../../lib/search/highlight";
import { docId, docIdRange } from "../../lib/search/doc-id";
import { accessToday, isFreeToAll, openingOf } from "../../lib/access";
import { storyTitle } from "../../lib/format";
import { getAccessPolicies } from "./access";

// ---- Writing the index ----

type PieceRow = {
  articleId: number; kicker: string | null; title: string | null; subtitle: string | null; column: string | null;
  byline: string | null; headline: string | null; paragraphs: string[]; label: string; section: string | null;
};

/** Removes an issue's articles from the index. */
export function unindexIssue(tx: Db, issueId: number): void {
  // The search_docs delete trigger removes the matching search_fts rows.
  tx.delete(searchDocs).where(eq(searchDocs.issueId, issueId)).run();
}

/**
 * (Re)indexes every article of an issue, one row per article with the stitched text of all its
 * pieces, if and only if the issue is published; otherwise makes sure none of it is indexed.
 * Returns the number of articles indexed. Call inside the transaction that changed the issue.
 */
export function indexIssue(tx: Db, issueId: number): number {
  unindexIssue(tx, issueId);
  const issue = tx.select({ paperId: issues.paperId, date: issues.date, status: issues.status })
    .from(issues).where(eq(issues.id, issueId)).get();
  if (issue?.status !== "published") return 0;
  const rows: PieceRow[] = tx.select({
    articleId: pieces.articleId, kicker: articles.kicker, title: articles.title, subtitle: articles.subtitle,
    column: articles.column, byline: articles.byline, headline: pieces.headline, paragraphs: pieces.paragraphs,
    label: pages.label, section: pages.section,
  }).from(pieces).innerJoin(articles, eq(articles.id, pieces.articleId)).innerJoin(pages, eq(pages.id, pieces.pageId))
    .where(eq(articles.issueId, issueId)).orderBy(asc(pieces.articleId), asc(pieces.seq)).all();

  const byArticle = new Map<number, PieceRow[]>();
  for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r]);
  for (const [articleId, parts] of byArticle) {
    const head = parts[0];
    const paragraphs = parts.flatMap((p) => p.paragraphs);
    const title = storyTitle(head.title, paragraphs, head.headline);
    const titleText = [head.kicker, head.title ?? title, head.subtitle, head.column].filter(Boolean).join("\n");
    const bodyText = [head.byline, ...parts.map((p) => p.headline), ...paragraphs].filter(Boolean).join("\n");
    const id = docId(issue.date, articleId);
    tx.insert(searchDocs).values({
      docId: id, articleId, paperId: issue.paperId, issueId, date: issue.date, pageLabel: head.label, section: head.section, title,
    }).run();
    tx.run(sql`insert into search_fts (rowid, title, body) values (${id}, ${segmentForIndex(titleText)}, ${segmentForIndex(bodyText)})`);
  }
  return byArticle.size;
}

/** After an edit to an issue's articles or pages: refresh its index rows if readers can see it. */
export function reindexIssueIfPublished(tx: Db, issueId: number): number {
  return indexIssue(tx, issueId);
}

// ---- Keeping the index complete ----

const CHECK_INTERVAL_MS = 10_000;
const lastChecked = new WeakMap<Db, number>();

/** Published issues that have articles but no index rows (indexed before this feature, or by a path that skipped it). */
function unindexedPublishedIssues(db: Db): number[] {
  return db.all<{ id: number }>(sql`
    select i.id from issues i
    where i.status = 'published'
      and not exists (select 1 from search_docs d where d.issue_id = i.id)
      and exists (select 1 from articles a where a.issue_id = i.id)`).map((r) => r.id);
}

/**
 * Makes the index match the published issues: rebuilt from scratch when the tokenizer changed,
 * else topped up with any published issue missing from it. Cheap (a few index probes per issue).
 * Called when the server starts and by `epaper setup`, never on a reader's request: a search
 * must not wait for the write lock.
 */
export function ensureSearchIndex(db: Db = getDb(), now = Date.now()): { rebuilt: boolean; indexed: number } {
  const last = lastChecked.get(db);
  if (last !== undefined && now - last < CHECK_INTERVAL_MS) return { rebuilt: false, indexed: 0 };
  lastChecked.set(db, now);
  const version = db.select({ value: searchMeta.value }).from(searchMeta).where(eq(searchMeta.key, "tokenizer")).get()?.value;
  // No version row yet: the rows there were written by this code (indexIssue), so top up only;
  // a full rebuild is for a changed tokenizer.
  const rebuild = version !== undefined && version !== TOKENIZER_VERSION;
  if (version === undefined) {
    writeTx(db, (tx) => tx.insert(searchMeta).values({ key: "tokenizer", value: TOKENIZER_VERSION }).onConflictDoNothing().run());
  }
  const missing = rebuild ? [] : unindexedPublishedIssues(db);
  if (!rebuild && missing.length === 0) return { rebuilt: false, indexed: 0 };
  return writeTx(db, (tx) => {
    if (rebuild) {
      tx.delete(searchDocs).run();
      tx.run(sql`delete from search_fts`);
    }
    const ids = rebuild
      ? tx.select({ id: issues.id }).from(issues).where(eq(issues.status, "published")).all().map((r) => r.id)
      : unindexedPublishedIssues(tx);
    const indexed = ids.reduce((n, id) => n + indexIssue(tx, id), 0);
    tx.insert(searchMeta).values({ key: "tokenizer", value: TOKENIZER_VERSION })
      .onConflictDoUpdate({ target: searchMeta.key, set: { value: TOKENIZER_VERSION } }).run();
    return { rebuilt: rebuild, indexed };
  });
}

// ---- Searching ----

export type SearchOptions = {
  /** FTS5 MATCH expression from lib/search/query.ts (never raw user input). */
  match: string;
  /** Terms to highlight in titles and snippets. */
  terms: readonly string[];
  paperId?: number | null;
  from?: string | null;
  to?: string | null;
  section?: string | null;
  limit?: number;
  offset?: number;
  /** "Today", for the recency boost; defaults to the current UTC date. */
  today?: string;
};

export type SearchHit = {
  articleId: number;
  paper: { slug: string; name: string };
  date: string;
  pageLabel: string;
  section: string | null;
  title: string;
  titleSegments: Segment[];
  snippet: Segment[];
};

export type SearchResult = {
  /** Matches found, counted up to MAX_CANDIDATES. */
  total: number;
  /** More than MAX_CANDIDATES matched: only the most recent ones were ranked. */
  capped: boolean;
  hits: SearchHit[];
};

/**
 * How many matches are ranked. Matches are read newest first (FTS5's native rowid order, see
 * lib/search/doc-id.ts), so a query's cost is bounded however common its words are; older
 * matches of a very common query are reached by narrowing the dates. 50 pages of 20.
 */
export const MAX_CANDIDATES = 1000;

/**
 * Relevance × recency: bm25 (title weighted 4× body), boosted up to 1.5× for today's issue,
 * 1.25× a year ago, fading towards 1×. bm25 is negative (lower is better), so boosting multiplies.
 */
const BOOST_SQL = (today: string) => sql`(1.0 + 0.5 / (1.0 + max(0.0, julianday(${today}) - julianday(date)) / 365.0))`;

/** Published articles matching `match`, best first. Throws only on a broken database. */
export function searchArticles(opts: SearchOptions, db: Db = getDb()): SearchResult {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 100);
  const offset = Math.min(Math.max(opts.offset ?? 0, 0), MAX_CANDIDATES);
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const { lo, hi } = docIdRange(opts.from, opts.to);
  // The FTS index is read newest first (its rowid order), a date range being a rowid range.
  // (Reading search_docs first and probing FTS per article is far slower: FTS5 re-reads the
  // term's whole doclist for each probe. Measured in bench/search-compare.ts.)
  const key = sql`search_fts.rowid`;
  // The index holds published issues only (triggers), and the query says so too: a draft can
  // never be found, whatever wrote the index.
  const from = sql`search_fts cross join search_docs d on d.doc_id = search_fts.rowid cross join issues i on i.id = d.issue_id`;
  const where: SQL[] = [sql`search_fts match ${opts.match}`, sql`i.status = 'published'`];
  if (lo != null) where.push(sql`${key} >= ${lo}`);
  if (hi != null) where.push(sql`${key} <= ${hi}`);
  if (opts.paperId != null) where.push(sql`d.paper_id = ${opts.paperId}`);
  if (opts.section) where.push(sql`d.section = ${opts.section}`);
  // The inner query takes the newest MAX_CANDIDATES + 1 matches (CROSS JOIN fixes the loop
  // order). bm25() must be computed there: SQLite refuses it beside a window function.
  const rows = db.all<{ articleId: number; paperId: number; date: string; pageLabel: string; section: string | null; title: string; total: number }>(sql`
    select articleId, paperId, date, pageLabel, section, title, count(*) over () as total
    from (
      select d.article_id as articleId, d.paper_id as paperId, d.date as date, d.page_label as pageLabel,
             d.section as section, d.title as title, bm25(search_fts, 4.0, 1.0) as relevance
      from ${from}
      where ${sql.join(where, sql` and `)}
      order by ${key} desc
      limit ${MAX_CANDIDATES + 1}
    )
    order by relevance * ${BOOST_SQL(today)}, date desc, articleId
    limit ${limit} offset ${offset}`);
  if (rows.length === 0) {
    // A page past the end still reports how many there are.
    const total = offset > 0 ? countMatches(from, where, db) : 0;
    return { total: Math.min(total, MAX_CANDIDATES), capped: total > MAX_CANDIDATES, hits: [] };
  }
  const texts = articleTexts(rows.map((r) => r.articleId), db);
  // Headlines stay searchable; a gated story's snippet comes from its opening only.
  const policies = getAccessPolicies([...new Set(rows.map((r) => r.paperId))], db);
  const snippetText = (r: (typeof rows)[number]) => {
    const text = texts.get(r.articleId) ?? "";
    const free = isFreeToAll(policies.get(r.paperId)!, { issueDate: r.date, pageLabel: r.pageLabel }, accessToday());
    return free ? text : openingOf([text]).join("");
  };
  const paperById = new Map(db.select({ id: papers.id, slug: papers.slug, name: papers.name }).from(papers)
    .where(inArray(papers.id, [...new Set(rows.map((r) => r.paperId))])).all().map((p) => [p.id, p]));
  return {
    total: Math.min(rows[0].total, MAX_CANDIDATES),
    capped: rows[0].total > MAX_CANDIDATES,
    hits: rows.map((r) => {
      const paper = paperById.get(r.paperId)!;
      return {
        articleId: r.articleId, paper: { slug: paper.slug, name: paper.name }, date: r.date,
        pageLabel: r.pageLabel, section: r.section, title: r.title,
        titleSegments: highlightSegments(r.title, opts.terms),
        snippet: snippetSegments(snippetText(r), opts.terms),
      };
    }),
  };
}

function countMatches(from: SQL, where: SQL[], db: Db): number {
  return db.get<{ n: number }>(sql`select count(*) as n from (
    select 1 from ${from} where ${sql.join(where, sql` and `)} limit ${MAX_CANDIDATES + 1})`)?.n ?? 0;
}

/** The stitched body text of some articles, for snippets. */
function articleTexts(articleIds: number[], db: Db): Map<number, string> {
  const rows = db.select({ articleId: pieces.articleId, paragraphs: pieces.paragraphs }).from(pieces)
    .where(inArray(pieces.articleId, articleIds)).orderBy(asc(pieces.articleId), asc(pieces.seq)).all();
  const out = new Map<number, string>();
  for (const r of rows) out.set(r.articleId, [out.get(r.articleId), ...r.paragraphs].filter(Boolean).join(" "));
  return out;
}
