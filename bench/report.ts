// The bench's table (console) and bench/results.md.
import type { firstLoadJs, timeFirstRequests, timeImport16 } from "./budgets";
import type { Dataset } from "./data";
import type { CachingCheck, InvalidationCheck } from "./http-checks";
import type { LoadResult } from "./load";

export type RouteResult = {
  key: string;
  name: string;
  path: string;
  available: boolean;
  load: Partial<Record<"app" | "appNoCache" | "static" | "nginx", LoadResult>>;
};

export type Report = {
  mode: "quick" | "full";
  when: string;
  machine: string;
  connections: number;
  seconds: number;
  build: string;
  buildSeconds: number | null;
  data: Dataset;
  routes: RouteResult[];
  uncached: Record<"front" | "inside" | "article", Awaited<ReturnType<typeof timeFirstRequests>>>;
  js: Record<string, ReturnType<typeof firstLoadJs> | null>;
  search: { count: number; p50: number; p95: number; max: number } | null;
  import16: ReturnType<typeof timeImport16>;
  memory: { appMb: number; appNoCacheMb: number; appByRoute: Record<string, number> };
  caching: CachingCheck;
  invalidation: InvalidationCheck;
  nginxNote: string;
  totalSeconds: number;
  loadAverage: { before: number; after: number };
};

const BUDGET = { ratio: 0.4, p99Ms: 100, renderMs: 50, jsKb: 120, searchP95Ms: 50, importMs: 1000, rssMb: 300 };

const fmt = (r: LoadResult | undefined) => (r ? `${r.rps}` : "–");
const lat = (r: LoadResult | undefined) => (r ? `${r.p50}/${r.p99}` : "–");
const ratio = (a: LoadResult | undefined, b: LoadResult | undefined) => (a && b && b.rps ? (a.rps / b.rps).toFixed(2) : "–");
const mark = (ok: boolean) => (ok ? "met" : "NOT met");

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  return rows.map((r) => r.map((c, i) => {
    const w = [...c].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    return i === 0 ? c + " ".repeat(widths[i] - w) : " ".repeat(widths[i] - w) + c;
  }).join("  ")).join("\n");
}

function loadRows(report: Report): string[][] {
  const head = ["route", "app req/s", "p50/p99 ms", "no resp. cache", "p50/p99 ms", "static req/s", "p50/p99 ms", "ratio", "ratio no-cache", "nginx req/s", "p50/p99 ms"];
  const rows = [head];
  for (const r of report.routes) {
    if (!r.available) {
      rows.push([r.name, "n/a", "", "", "", "", "", "", "", "", ""]);
      continue;
    }
    const l = r.load;
    rows.push([r.name, fmt(l.app), lat(l.app), fmt(l.appNoCache), lat(l.appNoCache), fmt(l.static), lat(l.static),
      ratio(l.app, l.static), ratio(l.appNoCache, l.static), fmt(l.nginx), lat(l.nginx)]);
  }
  return rows;
}

type Budget = { name: string; target: string; measured: string; ok: boolean | null; limit: string };

function budgets(report: Report): Budget[] {
  const front = report.routes.find((r) => r.key === "front")!.load;
  const frontRatio = front.app && front.static ? front.app.rps / front.static.rps : 0;
  const noCacheRatio = front.appNoCache && front.static ? front.appNoCache.rps / front.static.rps : 0;
  const out: Budget[] = [];
  out.push({
    name: "published front page throughput", target: "≥ 40% of static req/s",
    measured: `${Math.round(frontRatio * 100)}% (${front.app?.rps} vs ${front.static?.rps}); without the response cache ${Math.round(noCacheRatio * 100)}% (${front.appNoCache?.rps})`,
    ok: frontRatio >= BUDGET.ratio,
    limit: "with the response cache: one node:http process answering from memory, sharing 2 cores with autocannon; without it: Next's ISR cache path (route matching, cache read, RSC/HTML assembly) per request",
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
    limit: "React server rendering of the page (a few hundred KB of HTML for a text-rich page) and writing the ISR entry; the SQLite reads take well under a millisecond",
  });
  const jsParts = Object.entries(report.js).filter(([, v]) => v).map(([k, v]) => `${k} ${v!.gzipKb} KB (${v!.files} files, largest ${v!.largest.map((f) => f.gzipKb).join(" + ")} KB${v!.legacyGzipKb ? `; nomodule polyfills ${v!.legacyGzipKb} KB not counted` : ""})`);
  const jsMax = Math.max(0, ...Object.values(report.js).filter(Boolean).map((v) => v!.gzipKb));
  out.push({
    name: "first-load JavaScript per reader route", target: "≤ 120 KB gzip",
    measured: jsParts.join("; ") || "n/a", ok: jsParts.length ? jsMax <= BUDGET.jsKb : null,
    limit: "the framework: React 19 + react-dom and Next's app-router runtime are the two largest chunks, shared by every route; the reader's own client components (font size, page-turn keys) are a few KB",
  });
  const s = report.search;
  out.push({
    name: `search p95 (${report.mode === "full" ? "10-year archive" : `quick: ${report.data.issues} issues only, not the 10-year archive`})`, target: "< 50 ms",
    measured: s ? `p95 ${s.p95} ms, p50 ${s.p50} ms over ${s.count} distinct queries, one at a time` : "n/a (no /search route answered 200)",
    ok: s ? s.p95 < BUDGET.searchP95Ms : null,
    limit: "FTS5 match and ranking over jieba tokens, then rendering the result list; common words have long posting lists",
  });
  const im = report.import16;
  out.push({
    name: "16-page issue imported", target: "< 1 s",
    measured: `median ${im.medianMs} ms, max ${im.maxMs} ms; the first ${im.coldMs} ms (cold: loads jieba's dictionary, unoptimised code) (parse ${im.parseMedianMs} ms; ${im.articles} articles, ${im.jumpsLinked} jumps; ${im.runs} issues)`,
    ok: im.medianMs < BUDGET.importMs,
    limit: "jieba segmentation for the search index and the parser's passes; the SQLite writes are one transaction with one fsync",
  });
  out.push({
    name: "server memory under load (max RSS)", target: "< 300 MB",
    measured: `${report.memory.appMb} MB (no response cache: ${report.memory.appNoCacheMb} MB); app's max by the end of each route's runs: ${Object.entries(report.memory.appByRoute).map(([k, v]) => `${k} ${v}`).join(", ")} MB`,
    ok: Math.max(report.memory.appMb, report.memory.appNoCacheMb) < BUDGET.rssMb,
    limit: "Next's server runtime and module graph at rest, then the garbage of 50 renders in flight (search pages above all); the response cache is capped at 64 MB",
  });
  return out;
}

export function renderReport(report: Report): { table: string; markdown: string } {
  const rows = loadRows(report);
  const bs = budgets(report);
  const busy = report.loadAverage.before > 1.5
    ? `WARNING: the machine was busy before the run (1-min load average ${report.loadAverage.before} on ${report.machine.split(" ")[0]} cores): other processes took CPU from every column.`
    : "";
  const table = [
    `${report.mode} run, ${report.connections} connections, ${report.seconds} s per server and route; ${report.data.issues} issues`,
    ...(busy ? [busy] : []),
    pad(rows),
    "",
    ...bs.map((b) => `${b.ok === null ? "n/a" : b.ok ? "met    " : "NOT met"}  ${b.name} (${b.target}): ${b.measured}`),
  ].join("\n");

  const md: string[] = [];
  md.push(`# Benchmark results (${report.mode} run)`, "");
  md.push(`Written by \`npm run bench${report.mode === "quick" ? " -- --quick" : ""}\` on ${report.when}. ${report.machine}.`);
  md.push(`Load: autocannon, ${report.connections} connections, ${report.seconds} s per server and route after a warm-up, all servers on this machine (load generator included, so every column shares the same 2 cores).`);
  md.push(`1-minute load average before the run: ${report.loadAverage.before}, after: ${report.loadAverage.after}.${busy ? ` **${busy}**` : ""}`);
  md.push(`Build: ${report.build}${report.buildSeconds ? ` (built in ${report.buildSeconds} s)` : ""}. Total run: ${report.totalSeconds} s.`, "");
  const g = report.data.generation;
  md.push(`Data: synthetic daily \`${g.paper}\`, ${g.issues} issues (${g.from} … ${g.to}), ${g.pages} pages, ${g.articles} articles, ${g.jumpsLinked} jumps, ${(g.characters / 1e6).toFixed(1)} M characters; database ${g.databaseMB} MB; generated in ${g.seconds} s${report.data.reused ? " (earlier; reused)" : ""}.`, "");
  md.push("## Throughput (req/s) and latency (ms)", "");
  md.push("- **app**: `scripts/serve.ts` as shipped (ETag/Cache-Control layer and in-memory response cache).");
  md.push("- **no resp. cache**: the same server with `EPAPER_RESPONSE_CACHE=0`: every request goes through Next (its ISR cache).");
  md.push("- **static**: `serve` 14 over the same HTML bytes, fetched from the app and written to files.");
  md.push(`- **nginx**: nginx as a caching reverse proxy in front of the app (proxy_cache honouring s-maxage).${report.nginxNote ? ` ${report.nginxNote}.` : ""}`);
  md.push("- **ratio**: app ÷ static.", "");
  md.push(`| ${rows[0].join(" | ")} |`, `|${rows[0].map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
  for (const r of rows.slice(1)) md.push(`| ${r.join(" | ")} |`);
  md.push("", "Paths: " + report.routes.map((r) => `${r.name} \`${r.path}\`${r.key === "search" ? " (load rotates over 20 queries; static serves one file for all)" : ""}`).join("; ") + ".", "");
  md.push("## Budgets", "", "| budget | target | measured | | what limits it |", "|---|---|---|---|---|");
  for (const b of bs) md.push(`| ${b.name} | ${b.target} | ${b.measured} | ${b.ok === null ? "n/a" : mark(b.ok)} | ${b.limit} |`);
  md.push("", "## Caching a CDN can use", "");
  const c = report.caching;
  md.push(`- Published page: \`Cache-Control: ${c.reader.cacheControl}\`, ETag \`${c.reader.etag}\`; If-None-Match answered ${c.reader.notModified ? "304" : "NOT with 304"}. Next's own ISR status on first request: \`x-nextjs-cache: ${c.reader.nextCache}\`.`);
  md.push(`- \`/signin\`: ${c.signin.status}, \`Cache-Control: ${c.signin.cacheControl}\`. \`/admin\` (no session): ${c.admin.status}, \`Cache-Control: ${c.admin.cacheControl}\`.`);
  const inv = report.invalidation;
  md.push(`- Unpublish (write + POST /api/revalidate, as the CLI does) until the hot front page answers 404: ${inv.unpublishMs ?? "did not happen within 5 s"} ms; publish again until it is back: ${inv.republishMs ?? "did not happen within 5 s"} ms.${inv.revalidateAnswered ? "" : " (The revalidate request was not answered.)"}`);
  md.push("- A CDN or the nginx column keeps a page for up to s-maxage (60 s) after a change unless purged; see SCALING.md.", "");
  md.push("## How to read this", "");
  md.push("- The static column is the ceiling for \"HTML from disk\": `serve` does a stat, an ETag and a file read per request on one Node process.");
  md.push("- Uncached render = a page of an issue no one has asked for yet, timed to the last byte over loopback with nothing else running: it is server time (render + ISR write) plus well under 1 ms of HTTP.");
  md.push("- First-load JS = gzip -9 size of every `<script src>` in the route's HTML, read from `.next-bench/static`; inline RSC payload scripts are not counted.");
  md.push("- Memory = max VmRSS of the server process, sampled every 100 ms from /proc during all load runs.");
  if (report.mode === "quick") md.push("- Quick run: smaller data set and 2-second runs; numbers are noisier than a full run's.");
  md.push("");
  return { table, markdown: md.join("\n") };
}
