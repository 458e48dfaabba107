// The bench's table (console) and bench/results.md.
import type { firstLoadJs, timeFirstRequests, timeImport16 } from "./budgets";
import type { Dataset } from "./data";
import type { CachingCheck, InvalidationCheck } from "./http-checks";
import type { LoadResult } from "./load";
import type { ScaleRow } from "./scale";
import type { MemoryAtRest, StartTiming } from "./startup";
import type { SubscriberBench } from "./subscriber";

export type Target = "app" | "appNoCache" | "minimal" | "nginxStatic" | "nginxProxy" | "serve";

export type RouteResult = {
  key: string;
  name: string;
  path: string;
  available: boolean;
  load: Partial<Record<Target, LoadResult>>;
};

export type Report = {
  mode: "quick" | "full";
  when: string;
  machine: string;
  connections: number;
  seconds: number;
  build: string;
  buildInfo: { seconds: number; warnings: number } | null;
  data: Dataset;
  routes: RouteResult[];
  uncached: Record<"front" | "inside" | "article", Awaited<ReturnType<typeof timeFirstRequests>>>;
  js: Record<string, ReturnType<typeof firstLoadJs> | null>;
  bytes: Record<string, number>;
  search: { count: number; p50: number; p95: number; max: number } | null;
  import16: ReturnType<typeof timeImport16>;
  memory: { appMb: number; appNoCacheMb: number; appByRoute: Record<string, number>; atRest: MemoryAtRest };
  caching: CachingCheck;
  invalidation: InvalidationCheck;
  ceiling: LoadResult;
  proxyHits: string;
  /** A subscriber's article beside an anonymous one (null: not measured). */
  subscriber: SubscriberBench | null;
  starts: StartTiming[];
  scale: ScaleRow[];
  extras: { name: string; markdown: string }[];
  totalSeconds: number;
  loadAverage: { before: number[]; after: number[] };
};

const BUDGET = { ratio: 0.5, p99Ms: 100, renderMs: 50, jsKb: 120, searchP95Ms: 50, importMs: 1000, rssMb: 300, startMs: 3000 };

const COLUMNS: { target: Target; head: string }[] = [
  { target: "app", head: "app" },
  { target: "appNoCache", head: "app, no resp. cache" },
  { target: "minimal", head: "node:http" },
  { target: "nginxStatic", head: "nginx static" },
  { target: "nginxProxy", head: "nginx proxy cache" },
  { target: "serve", head: "serve" },
];

const fmt = (r: LoadResult | undefined) => (r ? `${r.rps}` : "–");
const lat = (r: LoadResult | undefined) => (r ? `${r.p50}/${r.p99}` : "–");
const ratio = (a: LoadResult | undefined, b: LoadResult | undefined) => (a && b?.rps ? (a.rps / b.rps).toFixed(2) : "–");
const mark = (ok: boolean) => (ok ? "met" : "NOT met");
const flag = (r: LoadResult | undefined) => (r && (r.non2xx || r.errors) ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : "");

function width(s: string): number {
  return [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ""))));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c + " ".repeat(widths[i] - width(c)) : " ".repeat(widths[i] - width(c)) + c)).join("  ")).join("\n");
}

function loadRows(report: Report): string[][] {
  const cols = COLUMNS.filter((c) => report.routes.some((r) => r.load[c.target]));
  const head = ["route", ...cols.flatMap((c) => [`${c.head} req/s`, "p50/p99 ms"]), "app ÷ nginx", "app ÷ node:http", "proxy ÷ nginx"];
  const rows = [head];
  for (const r of report.routes) {
    if (!r.available) {
      rows.push([r.name, ...head.slice(1).map(() => "n/a")]);
      continue;
    }
    const l = r.load;
    rows.push([r.name, ...cols.flatMap((c) => [fmt(l[c.target]) + flag(l[c.target]), lat(l[c.target])]),
      ratio(l.app, l.nginxStatic), ratio(l.app, l.minimal), ratio(l.nginxProxy, l.nginxStatic)]);
  }
  return rows;
}

function scaleRows(report: Report): string[][] {
  const rows = [["instances", "cached front page req/s", "p50/p99 ms", "renders (unvisited articles) req/s", "p50/p99 ms", "RSS per instance MB"]];
  for (const s of report.scale) {
    rows.push([String(s.instances), fmt(s.cached) + flag(s.cached), lat(s.cached),
      fmt(s.renders) + flag(s.renders) + (s.renders.requests > s.rendersDistinct ? " (list wrapped)" : ""), lat(s.renders), s.rssMb.join(", ")]);
  }
  return rows;
}

function subscriberRows(s: SubscriberBench): string[][] {
  const rows = [["request", "req/s", "p50/p99 ms", "Cache-Control"]];
  for (const r of s.rows) rows.push([r.name, fmt(r.load) + flag(r.load), lat(r.load), s.seen[r.key]?.cacheControl ?? "–"]);
  return rows;
}

type Budget = { name: string; target: string; measured: string; ok: boolean | null; limit: string };

function budgets(report: Report): Budget[] {
  const front = report.routes.find((r) => r.key === "front")!.load;
  const r = (a?: LoadResult, b?: LoadResult) => (a && b?.rps ? a.rps / b.rps : 0);
  const out: Budget[] = [];
  out.push({
    name: "published front page vs nginx static", target: "≥ 0.5 (goal 0.6)",
    measured: `${r(front.app, front.nginxStatic).toFixed(2)} (${front.app?.rps} vs ${front.nginxStatic?.rps} req/s); ÷ node:http ${r(front.app, front.minimal).toFixed(2)}; without the response cache ${r(front.appNoCache, front.nginxStatic).toFixed(2)}`,
    ok: r(front.app, front.nginxStatic) >= BUDGET.ratio,
    limit: "one Node process (the response cache's lookup, node:http's header writing) sharing 2 cores with wrk; without the response cache, Next's ISR path per request",
  });
  out.push({
    name: "nginx proxy cache vs nginx static", target: "≥ 0.9",
    measured: `${r(front.nginxProxy, front.nginxStatic).toFixed(2)} (${front.nginxProxy?.rps} req/s; X-Cache-Status after the run: ${report.proxyHits || "?"})`,
    ok: front.nginxProxy ? r(front.nginxProxy, front.nginxStatic) >= 0.9 : null,
    limit: "a cache hit is a file read like static, plus the key lookup; one miss a second goes to the app",
  });
  out.push({
    name: "published front page p99", target: "< 100 ms at 50 connections",
    measured: `${front.app?.p99} ms (no response cache: ${front.appNoCache?.p99} ms)`,
    ok: (front.app?.p99 ?? Infinity) < BUDGET.p99Ms,
    limit: "queueing: 50 connections on one event loop; p99 = 50 / throughput plus GC pauses",
  });
  const u = report.uncached;
  out.push({
    name: "uncached render (server time)", target: "< 50 ms",
    measured: `front p50 ${u.front.p50} / p95 ${u.front.p95} ms; inside p50 ${u.inside.p50} ms; article p50 ${u.article.p50} ms (first request of a not-yet-visited issue, loopback, one at a time)`,
    ok: u.front.p50 < BUDGET.renderMs && u.inside.p50 < BUDGET.renderMs && u.article.p50 < BUDGET.renderMs,
    limit: "React server rendering of the page and writing the ISR entry; the SQLite reads take well under a millisecond",
  });
  const jsParts = Object.entries(report.js).filter(([, v]) => v).map(([k, v]) => `${k} ${v!.gzipKb} KB (${v!.files} files)`);
  const jsMax = Math.max(0, ...Object.values(report.js).filter(Boolean).map((v) => v!.gzipKb));
  out.push({
    name: "first-load JavaScript per reader route", target: "≤ 120 KB gzip",
    measured: jsParts.join("; ") || "n/a", ok: jsParts.length ? jsMax <= BUDGET.jsKb : null,
    limit: "the reader's islands (components/reader/islands.ts) and /prefs.js, the same on every route; Next's client runtime is not sent (server/next-runtime.ts)",
  });
  const s = report.search;
  out.push({
    name: `search p95 (${report.mode === "full" ? "10-year archive" : `quick: ${report.data.issues} issues only`})`, target: "< 50 ms",
    measured: s ? `p95 ${s.p95} ms, p50 ${s.p50} ms over ${s.count} distinct queries, one at a time` : "n/a (no /search route answered 200)",
    ok: s ? s.p95 < BUDGET.searchP95Ms : null,
    limit: "FTS5 match and ranking over jieba tokens, then rendering the result list",
  });
  const im = report.import16;
  out.push({
    name: "16-page text issue imported", target: "< 1 s",
    measured: `median ${im.medianMs} ms, max ${im.maxMs} ms; cold ${im.coldMs} ms (parse ${im.parseMedianMs} ms; ${im.articles} articles, ${im.jumpsLinked} jumps; ${im.runs} issues)`,
    ok: im.medianMs < BUDGET.importMs,
    limit: "jieba segmentation for the search index and the parser's passes; one transaction, one fsync",
  });
  const m = report.memory;
  out.push({
    name: "server memory under load (max RSS)", target: "< 300 MB",
    measured: `${m.appMb} MB (no response cache: ${m.appNoCacheMb} MB); by route: ${Object.entries(m.appByRoute).map(([k, v]) => `${k} ${v}`).join(", ")} MB`,
    ok: Math.max(m.appMb, m.appNoCacheMb) < BUDGET.rssMb,
    limit: `at rest ${m.atRest.startedMb} MB (Node ${m.atRest.nodeMb} MB + Next's server and our module graph); +${m.atRest.afterPageMb - m.atRest.startedMb} MB for the first page, +${m.atRest.afterSearchMb - m.atRest.afterPageMb} MB for the first search (jieba's dictionary alone: ${m.atRest.jiebaMb} MB); the rest is renders in flight and the response cache (capped)`,
  });
  const starts = report.starts.filter((x) => x.ms !== null);
  const worst = Math.max(0, ...starts.map((x) => x.ms!));
  out.push({
    name: "`npm start` with a built app until the first page", target: "< 3 s",
    measured: report.starts.map((x) => `${x.name}: ${x.ms === null ? `no page (${x.note})` : `${(x.ms / 1000).toFixed(2)} s`}`).join("; "),
    ok: starts.length === report.starts.length ? worst < BUDGET.startMs : false,
    limit: "loading Next's server (app.prepare) and the first render; a restart skips the seeding step (start.mjs checks the database for a paper) and runs the server bundled under plain node; the first start also runs the CLI's setup (migrations, the demo's import and search index, hashing the demo editor's password)",
  });
  return out;
}

function mdTable(rows: string[][]): string[] {
  return [`| ${rows[0].join(" | ")} |`, `|${rows[0].map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...rows.slice(1).map((r) => `| ${r.join(" | ")} |`)];
}

export function renderReport(report: Report): { table: string; markdown: string } {
  const rows = loadRows(report);
  const srows = scaleRows(report);
  const bs = budgets(report);
  const cores = Number(report.machine.split(" ")[0]);
  const busy = report.loadAverage.before[0] > cores * 0.5
    ? `WARNING: the machine was busy before the run (1-min load average ${report.loadAverage.before[0]} on ${cores} cores): other processes took CPU from every column.`
    : "";
  const la = (a: number[]) => a.join(" / ");
  const table = [
    `${report.mode} run, wrk, ${report.connections} connections, ${report.seconds} s per server and route; ${report.data.issues} issues`,
    `load average (1/5/15 min) before ${la(report.loadAverage.before)}, after ${la(report.loadAverage.after)}`,
    ...(busy ? [busy] : []),
    `wrk's ceiling (nginx, empty 204): ${report.ceiling.rps} req/s`,
    pad(rows),
    "",
    report.scale.length ? pad(srows) : "scale-out: not measured",
    "",
    ...(report.subscriber
      ? [`a subscriber's article (${report.subscriber.policy}); SQL statements per full-text answer: anonymous ${report.subscriber.statements.anonymousFree}, subscriber ${report.subscriber.statements.subscriberGated}`, pad(subscriberRows(report.subscriber))]
      : ["a subscriber's article: not measured"]),
    "",
    ...bs.map((b) => `${b.ok === null ? "n/a    " : b.ok ? "met    " : "NOT met"}  ${b.name} (${b.target}): ${b.measured}`),
  ].join("\n");

  const md: string[] = [];
  md.push(`# Benchmark results (${report.mode} run)`, "");
  md.push(`Written by \`npm run bench${report.mode === "quick" ? " -- --quick" : ""}\` on ${report.when}. ${report.machine}.`);
  md.push(`Load: wrk (one thread), ${report.connections} connections, ${report.seconds} s per server and route after a warm-up; every server runs on this machine beside wrk, on loopback, so every column shares the same ${cores} cores.`);
  md.push(`Load average (1 / 5 / 15 min) before the run: ${la(report.loadAverage.before)}; after: ${la(report.loadAverage.after)}.${busy ? ` **${busy}**` : ""}`);
  md.push(`Build: ${report.build}${report.buildInfo ? ` (built in ${report.buildInfo.seconds} s, ${report.buildInfo.warnings} warning(s) in the build output)` : ""}. Total run: ${report.totalSeconds} s.`, "");
  const g = report.data.generation;
  md.push(`Data: synthetic daily \`${g.paper}\`, ${g.issues} issues (${g.from} … ${g.to}), ${g.pages} pages, ${g.articles} articles, ${g.jumpsLinked} jumps, ${(g.characters / 1e6).toFixed(1)} M characters; database ${g.databaseMB} MB; generated in ${g.seconds} s${report.data.reused ? " (earlier; reused)" : ""}.`, "");
  md.push("## Throughput (req/s) and latency (ms)", "");
  md.push(`wrk's own ceiling in this run: **${report.ceiling.rps} req/s** against nginx answering an empty 204 (p50/p99 ${lat(report.ceiling)} ms). A column well below it measures the server, not wrk.`, "");
  md.push("- **app**: `scripts/serve.ts` as shipped (ETag/Cache-Control layer and in-memory response cache).");
  md.push("- **app, no resp. cache**: the same server with `EPAPER_RESPONSE_CACHE=0`: every request goes through Next.");
  md.push("- **node:http**: `bench/minimal-server.mjs`, the same bytes from memory with two headers: Node's own ceiling.");
  md.push("- **nginx static**: nginx (one worker) serving the same HTML bytes from files, fetched from the app: the ceiling for a paper that exports static pages.");
  md.push("- **nginx proxy cache**: `bench/nginx/proxy-cache.conf` as shipped (one-second micro-cache) in front of the app.");
  md.push("- **serve**: `serve` 14 over the same files (a Node static server that gzips every response).", "");
  md.push(...mdTable(rows));
  md.push("", "Paths: " + report.routes.map((r) => `${r.name} \`${r.path}\` (${r.key in report.bytes ? `${Math.round(report.bytes[r.key] / 1024)} KB` : "–"})${r.key === "search" ? "; the app columns rotate over 20 queries, the file servers serve one file for all" : ""}`).join("; ") + ".", "");
  md.push("## A subscriber's article beside an anonymous one", "");
  const sub = report.subscriber;
  if (sub) {
    md.push(`The app as shipped, wrk with ${report.connections} connections, ${report.seconds} s per row after a warm-up. While this step runs the bench paper is \`${sub.policy}\`. The subscriber is a reader the bench creates with a live subscription and a real session; its rows send that session's \`banmian_reader\` cookie: the article page is answered from the copy every reader shares (reader pages never read the cookie) and the full text is rendered per request, and every answer to it is \`private, no-store\`.`, "");
    md.push(...mdTable(subscriberRows(sub)));
    md.push("", `SQL statements per full-text answer (\`readFullText\`, counted with better-sqlite3's \`verbose\` on the bench's database): anonymous reader, a free story **${sub.statements.anonymousFree}**; subscriber, a gated story **${sub.statements.subscriberGated}** (the story with its access facts, then the reader's standing: session, subscription and meter in one statement).`, "");
  } else md.push("Not measured (see the bench's log).", "");
  md.push("## Scale-out: app instances on one database behind nginx (no proxy cache)", "");
  if (report.scale.length) {
    md.push(...mdTable(srows));
    md.push("", "Cached: the newest front page, answered by each instance's response cache. Renders: articles nobody asked for before, each requested once (a disjoint set per row), so every request renders. nginx (two workers) balances round-robin. On 2 cores shared with wrk and nginx, more processes than cores add contention, not capacity: what grows with instances is how many renders can be in flight, not the cores they run on.", "");
  } else md.push("Not measured (see the bench's log).", "");
  md.push("## Budgets", "", "| budget | target | measured | | what limits it |", "|---|---|---|---|---|");
  for (const b of bs) md.push(`| ${b.name} | ${b.target} | ${b.measured} | ${b.ok === null ? "n/a" : mark(b.ok)} | ${b.limit} |`);
  const mr = report.memory.atRest;
  md.push("", "## Where the memory goes", "");
  md.push(`| step | RSS MB |`, `|---|---:|`);
  md.push(`| a bare Node process | ${mr.nodeMb} |`);
  md.push(`| plain \`next start\` on the same build after \`/api/health\`: Next's server and module graph | ${mr.nextStartMb ?? "–"} |`);
  md.push(`| the app after \`/api/health\`: the same plus our server around it (response cache, scheduled-issue promoter and the database and search modules they load, outside Next's bundle) | ${mr.startedMb} |`);
  md.push(`| after the first reader page | ${mr.afterPageMb} |`, `| after the first search | ${mr.afterSearchMb} |`);
  md.push(`| peak under load (all routes, 50 connections) | ${report.memory.appMb} |`, `| (for scale: jieba with its dictionary, loaded alone in a bare Node) | +${mr.jiebaMb} |`, "");
  md.push("The first search loads jieba's dictionary (native, kept for the life of the process). What the peak adds over the first search is renders in flight (50 connections) and their garbage, and the response cache (capped). The server runs bundled under plain node (scripts/server-bundle.mjs): through tsx's loader, whose hooks run on a thread with a heap of its own, the same server held about 65 MB more at rest.", "");
  md.push("## Caching a CDN can use", "");
  const c = report.caching;
  md.push(`- Published page: \`Cache-Control: ${c.reader.cacheControl}\`, ETag \`${c.reader.etag}\`; If-None-Match answered ${c.reader.notModified ? "304" : "NOT with 304"}. Next's own ISR status on first request: \`x-nextjs-cache: ${c.reader.nextCache}\`.`);
  md.push(`- \`/signin\`: ${c.signin.status}, \`Cache-Control: ${c.signin.cacheControl}\`. \`/admin\` (no session): ${c.admin.status}, \`Cache-Control: ${c.admin.cacheControl}\`.`);
  const inv = report.invalidation;
  md.push(`- Unpublish (a write to the database, as the CLI does; no refresh call) until the hot front page answers 404: ${inv.unpublishMs ?? "did not happen within 5 s"} ms; publish again until it is back: ${inv.republishMs ?? "did not happen within 5 s"} ms.`);
  md.push("- The shipped nginx proxy cache keeps a page one second; a CDN keeps it up to s-maxage (60 s) unless purged: see SCALING.md.", "");
  for (const e of report.extras) md.push(`## ${e.name}`, "", e.markdown.trim(), "");
  md.push("## How to read this", "");
  md.push("- Every column shares 2 cores with wrk (one thread) and with the other servers at rest; only one server is under load at a time.");
  md.push("- Uncached render = a page of an issue no one has asked for yet, timed to the last byte over loopback with nothing else running.");
  md.push("- First-load JS = gzip -9 size of every `<script src>` in the route's HTML, read from `.next-bench/static` (Next's chunks) and `public/` (the reader's islands, /prefs.js).");
  md.push("- Memory = max VmRSS of the server process, sampled every 100 ms from /proc during all load runs.");
  md.push("- Start = `node scripts/start.mjs` (what `npm start` runs) until `GET /` answers, with the build already there.");
  if (report.mode === "quick") md.push("- Quick run: a smaller archive and 2-second runs; numbers are noisier than a full run's.");
  md.push("");
  return { table, markdown: md.join("\n") };
}
