// Compares two ways to search Chinese text in SQLite, for recall and speed:
//   A. jieba-segmented tokens in an FTS5 unicode61 table (what the app uses: db/queries/search.ts)
//   B. an FTS5 trigram table, with LIKE '%…%' for terms shorter than three characters
// on the demo paper (recall against plain substring search) and on a synthetic archive
// (speed), then times publishing a 64-article issue into the big index.
//
//   npx tsx bench/search-compare.ts [--articles 234000] [--trigram-articles 30000] [--queries 300]
//
// Databases are built under bench/tmp/ (git-ignored) and kept, so a second run reuses them.
import { mkdirSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { openDb, writeTx, type Db } from "../db/client";
import { DEMO_ISSUES } from "../db/seed";
import { importIssue } from "../db/queries/imports";
import { setIssueStatus } from "../db/queries/issues";
import { searchArticles } from "../db/queries/search";
import { parseQuery } from "../lib/search/query";
import { docId } from "../lib/search/doc-id";
import { documentTokens, normalizeText, queryTokens, segmentForIndex, TOKENIZER_VERSION } from "../lib/search/tokenize";
import type { PieceInput } from "../lib/import-types";

const { values: args } = parseArgs({
  options: {
    articles: { type: "string", default: "234000" },
    "trigram-articles": { type: "string", default: "30000" },
    queries: { type: "string", default: "300" },
    fresh: { type: "boolean", default: false },
  },
});
const N_ARTICLES = Number(args.articles);
const N_TRIGRAM = Number(args["trigram-articles"]);
const N_QUERIES = Number(args.queries);
const TMP = join(process.cwd(), "bench", "tmp");
mkdirSync(TMP, { recursive: true });

// Deterministic randomness, so runs compare.
let seed = 20261126;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const ms = (n: number) => `${n.toFixed(2)} ms`;
const time = <T>(fn: () => T): [T, number] => { const t = performance.now(); const r = fn(); return [r, performance.now() - t]; };
const log = (...a: unknown[]) => console.log(...a);

// ---- B: trigram + LIKE ----

function createTrigram(db: Database.Database) {
  db.exec(`create virtual table if not exists tri using fts5(title, body, tokenize='trigram case_sensitive 0')`);
}
function ftsQuote(s: string) { return `"${s.replace(/"/g, '""')}"`; }
/** Article ids (rowids) matching every term: trigram MATCH for 3+ characters, LIKE for shorter. */
function trigramSearch(db: Database.Database, q: string, limit = 20): { ids: number[]; total: number } {
  const terms = q.split(/\s+/).filter(Boolean).map(normalizeText);
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const where: string[] = [];
  const params: string[] = [];
  if (long.length) { where.push("tri match ?"); params.push(long.map(ftsQuote).join(" AND ")); }
  for (const t of short) {
    // The trigram index cannot serve a pattern under three characters: this scans the table.
    where.push("(title like ? escape '\\' or body like ? escape '\\')");
    const like = `%${t.replace(/[\\%_]/g, "\\$&")}%`;
    params.push(like, like);
  }
  const order = long.length ? "order by rank" : "order by rowid desc";
  const rows = db.prepare(`select rowid as id, count(*) over () as total from tri where ${where.join(" and ")} ${order} limit ${limit}`).all(...params) as { id: number; total: number }[];
  return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
}
function trigramAll(db: Database.Database, q: string): Set<number> {
  const terms = q.split(/\s+/).filter(Boolean).map(normalizeText);
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const where: string[] = []; const params: string[] = [];
  if (long.length) { where.push("tri match ?"); params.push(long.map(ftsQuote).join(" AND ")); }
  for (const t of short) { where.push("(title like ? or body like ?)"); params.push(`%${t}%`, `%${t}%`); }
  return new Set((db.prepare(`select rowid as id from tri where ${where.join(" and ")}`).all(...params) as { id: number }[]).map((r) => r.id));
}

// ---- A: jieba (the app's path), all matches for recall ----

function jiebaAll(db: Db, q: string): Set<number> {
  const { match } = parseQuery(q);
  if (!match) return new Set();
  return new Set(db.all<{ id: number }>(sql`select d.article_id as id from search_fts join search_docs d on d.doc_id = search_fts.rowid where search_fts match ${match}`).map((r) => r.id));
}

// ---- 1. Recall on the demo paper ----

function demoRecall() {
  log("\n## Recall on the demo paper (临澜日报, 3 issues)");
  const db = openDb(":memory:");
  for (const issue of DEMO_ISSUES) importIssue(issue, db);
  const raw = db.$client;
  createTrigram(raw);
  const texts = new Map<number, string>();
  const rows = raw.prepare(`select a.id, a.kicker, a.title, a.subtitle, a.byline, group_concat(p.paragraphs, ' ') as body
    from articles a join pieces p on p.article_id = a.id group by a.id`).all() as { id: number; kicker: string | null; title: string | null; subtitle: string | null; byline: string | null; body: string }[];
  const ins = raw.prepare("insert into tri(rowid, title, body) values (?, ?, ?)");
  for (const r of rows) {
    const title = [r.kicker, r.title, r.subtitle].filter(Boolean).join(" ");
    const body = [r.byline, ...(JSON.parse(`[${r.body.replace(/\]\s*\[/g, "],[")}]`) as string[][]).flat()].filter(Boolean).join(" ");
    ins.run(r.id, title, body);
    texts.set(r.id, normalizeText(`${title} ${body}`));
  }
  log(`${rows.length} articles`);
  const allText = [...texts.values()].join(" ");
  // Query sets: dictionary words as a reader would type them, and arbitrary substrings.
  const words = [...new Set(queryTokens(allText).filter((w) => /\p{Script=Han}/u.test(w) && [...w].length >= 2 && [...w].length <= 4))];
  const twoChar = words.filter((w) => [...w].length === 2);
  const sample = <T,>(xs: T[], n: number) => Array.from({ length: Math.min(n, xs.length) }, () => xs[Math.floor(rand() * xs.length)]);
  const hanRuns = allText.match(/\p{Script=Han}{4,}/gu) ?? [];
  const substrings = sample(hanRuns, 300).map((run) => { const len = 2 + Math.floor(rand() * 2); const i = Math.floor(rand() * (run.length - len)); return run.slice(i, i + len); });
  const sets: [string, string[]][] = [
    ["words (jieba's own cut of the text, 2-4 chars)", sample(words, 300)],
    ["two-character words only", sample(twoChar, 300)],
    ["Latin / numbers (app, k36, usb, 2026)", ["app", "k36", "usb", "2026", "u15", "vr"]],
    ["arbitrary 2-3 character substrings (not words)", substrings],
  ];
  for (const [name, queries] of sets) {
    const m = { jieba: { found: 0, relevant: 0, returned: 0 }, tri: { found: 0, relevant: 0, returned: 0 } };
    for (const q of queries) {
      const truth = new Set([...texts].filter(([, t]) => t.includes(q)).map(([id]) => id));
      for (const [key, got] of [["jieba", jiebaAll(db, q)], ["tri", trigramAll(raw, q)]] as const) {
        m[key].relevant += truth.size;
        m[key].returned += got.size;
        m[key].found += [...got].filter((id) => truth.has(id)).length;
      }
    }
    const r = (x: { found: number; relevant: number; returned: number }) => `recall ${(x.found / x.relevant * 100).toFixed(1)}%, precision ${(x.found / Math.max(1, x.returned) * 100).toFixed(1)}%`;
    log(`- ${name}, ${queries.length} queries: jieba ${r(m.jieba)} | trigram+LIKE ${r(m.tri)}`);
  }
  log("  (ground truth = articles containing the query as a substring; a substring match that splits a word, e.g. 市长江大桥 for 长江, counts as relevant here)");
}

// ---- 2. Synthetic archive ----

type Vocab = { words: string[]; cdf: Float64Array };
function zipfVocabulary(size = 5000): Vocab {
  const dictText = readFileSync(join(process.cwd(), "node_modules/@node-rs/jieba/dict.txt"), "utf8");
  const entries = dictText.split("\n").map((l) => l.split(" ")).filter(([w, f, tag]) => w && /^\p{Script=Han}{2,4}$/u.test(w) && Number(f) > 2000 && tag !== "m")
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  const words = entries.slice(0, size).map(([w]) => w);
  // Zipf (s = 1) by rank, shuffled a little so the dictionary's own order does not leak through.
  const weights = words.map((_, i) => 1 / (i + 1));
  const cdf = new Float64Array(words.length);
  let acc = 0; const total = weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, i) => { acc += w / total; cdf[i] = acc; });
  return { words, cdf };
}
function drawWord(v: Vocab): string {
  const x = rand(); let lo = 0, hi = v.cdf.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (v.cdf[mid] < x) lo = mid + 1; else hi = mid; }
  return v.words[lo];
}
function articleText(v: Vocab, chars = 800): string[] {
  const paragraphs: string[] = []; let total = 0;
  while (total < chars) {
    let p = "";
    while (p.length < 160) { p += drawWord(v); if (rand() < 0.12) p += rand() < 0.8 ? "，" : "。"; if (rand() < 0.01) p += String(Math.floor(rand() * 2030)); }
    p += "。"; paragraphs.push(p); total += p.length;
  }
  return paragraphs;
}
function articleTitle(v: Vocab): string { return Array.from({ length: 3 + Math.floor(rand() * 3) }, () => drawWord(v)).join(""); }

/** A DB with papers → issues → pages → articles → pieces and the jieba index, as the app would have it. */
function buildJiebaArchive(path: string, n: number, v: Vocab) {
  if (existsSync(path) && !args.fresh) { log(`reusing ${path}`); return; }
  rmSync(path, { force: true }); rmSync(`${path}-wal`, { force: true }); rmSync(`${path}-shm`, { force: true });
  const db = openDb(path);
  const raw = db.$client;
  raw.pragma("synchronous = OFF");
  const paperId = (raw.prepare("insert into papers(slug, name, is_default) values ('big', '大报', 1) returning id").get() as { id: number }).id;
  const insIssue = raw.prepare("insert into issues(paper_id, date, number, status, published_at) values (?, ?, ?, 'published', ?) returning id");
  const insPage = raw.prepare("insert into pages(issue_id, label, position, section) values (?, ?, ?, ?) returning id");
  const insArticle = raw.prepare("insert into articles(issue_id, title) values (?, ?) returning id");
  const insPiece = raw.prepare("insert into pieces(article_id, page_id, seq, position, paragraphs) values (?, ?, 0, ?, ?)");
  const insDoc = raw.prepare("insert into search_docs(doc_id, article_id, paper_id, issue_id, date, page_label, section, title) values (?, ?, ?, ?, ?, ?, ?, ?)");
  const insFts = raw.prepare("insert into search_fts(rowid, title, body) values (?, ?, ?)");
  const sections = ["要闻", "综合", "经济", "民生", "国际", "体育", "文化", "副刊"];
  const issuesNeeded = Math.ceil(n / 64);
  const start = Date.UTC(2016, 0, 1);
  let made = 0; let segMs = 0;
  const t0 = performance.now();
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to && made < n; i++) {
      const date = new Date(start + i * 86400000).toISOString().slice(0, 10);
      const issueId = (insIssue.get(paperId, date, i + 1, `${date}T06:00:00Z`) as { id: number }).id;
      for (let p = 0; p < 8 && made < n; p++) {
        const label = String(p + 1);
        const pageId = (insPage.get(issueId, label, p, sections[p]) as { id: number }).id;
        for (let a = 0; a < 8 && made < n; a++, made++) {
          const title = articleTitle(v);
          const paragraphs = articleText(v);
          const articleId = (insArticle.get(issueId, title) as { id: number }).id;
          insPiece.run(articleId, pageId, a, JSON.stringify(paragraphs));
          const id = docId(date, articleId);
          insDoc.run(id, articleId, paperId, issueId, date, label, sections[p], title);
          const t = performance.now();
          const titleTokens = segmentForIndex(title); const bodyTokens = segmentForIndex(paragraphs.join("\n"));
          segMs += performance.now() - t;
          insFts.run(id, titleTokens, bodyTokens);
        }
      }
    }
  });
  for (let i = 0; i < issuesNeeded; i += 50) {
    batch(i, i + 50);
    if ((i / 50) % 4 === 0) process.stdout.write(`\r  jieba archive: ${made}/${n} articles, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  raw.prepare("insert into search_meta(key, value) values ('tokenizer', ?) on conflict(key) do update set value = excluded.value").run(TOKENIZER_VERSION);
  raw.exec("insert into search_fts(search_fts) values ('optimize')");
  raw.pragma("wal_checkpoint(TRUNCATE)");
  const total = performance.now() - t0;
  log(`\r  jieba archive: ${made} articles in ${(total / 1000).toFixed(0)} s (segmenting ${(segMs / 1000).toFixed(0)} s)`);
  raw.close();
}

function buildTrigramArchive(path: string, n: number, v: Vocab) {
  if (existsSync(path) && !args.fresh) { log(`reusing ${path}`); return; }
  rmSync(path, { force: true });
  const raw = new Database(path);
  raw.pragma("journal_mode = WAL"); raw.pragma("synchronous = OFF");
  createTrigram(raw);
  const ins = raw.prepare("insert into tri(rowid, title, body) values (?, ?, ?)");
  const t0 = performance.now();
  const batch = raw.transaction((from: number, to: number) => { for (let i = from; i < to; i++) ins.run(i + 1, articleTitle(v), articleText(v).join("\n")); });
  for (let i = 0; i < n; i += 2000) batch(i, Math.min(n, i + 2000));
  raw.exec("insert into tri(tri) values ('optimize')");
  log(`  trigram archive: ${n} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  raw.close();
}

const size = (p: string) => `${(statSync(p).size / 2 ** 20).toFixed(0)} MB`;

function syntheticSpeed() {
  log(`\n## Speed on a synthetic archive (5,000-word Zipf vocabulary, ~800 chars/article)`);
  const v = zipfVocabulary();
  // Readers search for names and topics, not 的/了: draw query words by Zipf from rank 20 on,
  // half one word, half two words; plus a "worst case" set of the 20 most common words.
  const qv: Vocab = { words: v.words.slice(20), cdf: (() => { const w = v.words.slice(20).map((_, i) => 1 / (i + 1)); const t = w.reduce((a, b) => a + b, 0); let acc = 0; return Float64Array.from(w, (x) => (acc += x / t)); })() };
  const queries = Array.from({ length: N_QUERIES }, () => (rand() < 0.5 ? drawWord(qv) : `${drawWord(qv)} ${drawWord(qv)}`));
  const common = v.words.slice(0, 20);

  const jPath = join(TMP, `jieba-${N_ARTICLES}.db`);
  buildJiebaArchive(jPath, N_ARTICLES, v);
  const db = openDb(jPath);
  log(`  jieba DB (text + index): ${size(jPath)}`);
  const runJieba = (q: string, extra: Partial<Parameters<typeof searchArticles>[0]> = {}) => {
    const p = parseQuery(q); return searchArticles({ match: p.match!, terms: p.terms, today: "2026-01-01", ...extra }, db);
  };
  runJieba(queries[0]); // warm the dictionary and the page cache
  for (const [name, qs, extra] of [
    ["jieba, realistic queries", queries, {}],
    ["jieba, realistic queries within one year", queries, { from: "2020-01-01", to: "2020-12-31" }],
    ["jieba, realistic queries within one issue (date=)", queries, { from: "2020-06-01", to: "2020-06-01" }],
    ["jieba, the 20 most common words (worst case)", common, {}],
  ] as const) {
    const lat: number[] = []; let totals = 0;
    for (const q of qs) { const [r, t] = time(() => runJieba(q, extra)); lat.push(t); totals += r.total; }
    log(`- ${name}: p50 ${ms(pct(lat, 50))}, p95 ${ms(pct(lat, 95))}, max ${ms(Math.max(...lat))} (avg ${Math.round(totals / qs.length)} matches)`);
  }

  const tPath = join(TMP, `trigram-${N_TRIGRAM}.db`);
  buildTrigramArchive(tPath, N_TRIGRAM, v);
  const tri = new Database(tPath, { readonly: true });
  log(`  trigram DB (text + index): ${size(tPath)} for ${N_TRIGRAM} articles`);
  for (const [name, qs] of [["trigram+LIKE, realistic queries", queries], ["trigram+LIKE, the 20 most common words", common]] as const) {
    const lat: number[] = [];
    for (const q of qs) lat.push(time(() => trigramSearch(tri, q))[1]);
    log(`- ${name} (${N_TRIGRAM} articles): p50 ${ms(pct(lat, 50))}, p95 ${ms(pct(lat, 95))}, max ${ms(Math.max(...lat))}; ×${(N_ARTICLES / N_TRIGRAM).toFixed(1)} to scale (LIKE scans grow linearly)`);
  }
  tri.close();

  // ---- 3. Publishing one issue into the big index ----
  log(`\n## Publishing a 64-article issue into the ${N_ARTICLES}-article index`);
  const pieces = (): PieceInput[] => Array.from({ length: 8 }, () => ({ kicker: null, title: articleTitle(v), subtitle: null, column: null, byline: null, paragraphs: articleText(v), jumpTo: null, jumpFrom: null }));
  const pagesIn = Array.from({ length: 8 }, (_, p) => ({ label: String(p + 1), section: "综合", pieces: pieces() }));
  const date = "2030-01-01";
  writeTx(db, (tx) => tx.run(sql`delete from issues where date >= ${date}`));
  importIssue({ paper: { slug: "big" }, date, pages: pagesIn }, db);
  const marker = pagesIn[0].pieces[0].title!;
  const [, pub] = time(() => setIssueStatus({ paperSlug: "big", date, status: "published" }, db));
  const found = runJieba(marker, { from: date, to: date }).total;
  const [, unpub] = time(() => setIssueStatus({ paperSlug: "big", date, status: "draft" }, db));
  const gone = runJieba(marker, { from: date, to: date }).total;
  const [, imp] = time(() => importIssue({ paper: { slug: "big" }, date, publish: true, pages: pagesIn }, db));
  log(`- publish (status change + indexing 64 articles, one transaction): ${ms(pub)}; findable right after: ${found > 0}`);
  log(`- unpublish: ${ms(unpub)}; findable after: ${gone > 0}`);
  log(`- re-import of all 8 pages of the published issue (with reindex): ${ms(imp)}`);
  db.$client.close();
}

function coldStart() {
  // A fresh process pays for loading jieba's dictionary once.
  const t = performance.now(); documentTokens("冷启动"); return performance.now() - t;
}

log(`# search-compare (${new Date().toISOString()})`);
log(`jieba dictionary load (first use in a process): ${ms(coldStart())}`);
demoRecall();
syntheticSpeed();
