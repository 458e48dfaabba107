// `npm run bench [-- --quick]`: how fast readers get pages from Banmian, against the same HTML
// from a static file server, measured in one run on this machine. bench/results.md says what
// each number means; bench/SCALING.md covers more than one machine.
//
// Options: --quick (under a minute: 40 issues, 1.5 s per load run), --build / --no-build,
// --seconds N (per load run), --connections N (default 50), --issues N, --no-nginx.
// Building: a full run rebuilds .next-bench when any source is newer than its BUILD_ID;
// --quick reuses any existing BUILD_ID (and says when it is stale). See bench/build.ts.
import Database from "better-sqlite3";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { round, firstLoadJs, timeFirstRequests, timeImport16 } from "./budgets";
import { decideBuild, runBuild } from "./build";
import { BENCH_PAPER, prepareDataset } from "./data";
import { checkCaching, checkInvalidation } from "./http-checks";
import { percentile, runLoad, timeRequest, type LoadResult } from "./load";
import { renderReport, type Report, type RouteResult } from "./report";
import { findNginx, sampleRss, startApp, startNginx, startStatic, type Server } from "./servers";
import { WORDS } from "./archive/words";

const ROOT = resolve(import.meta.dirname, "..");
const DIST = ".next-bench";
const TMP = join(ROOT, "bench", "tmp");
const PORTS = { app: 3501, appNoCache: 3502, static: 3503, nginx: 3504 };

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    build: { type: "boolean" },
    "no-build": { type: "boolean", default: false },
    seconds: { type: "string" },
    connections: { type: "string", default: "50" },
    issues: { type: "string" },
    "no-nginx": { type: "boolean", default: false },
  },
});

const quick = opts.quick;
const MODE = {
  issues: Number(opts.issues ?? (quick ? 40 : 3653)), // full: ten years of a daily
  seconds: Number(opts.seconds ?? (quick ? 1.5 : 10)),
  warmSeconds: quick ? 0.5 : 2,
  connections: Number(opts.connections),
  uncachedPerRoute: quick ? 6 : 20,
  searchQueries: quick ? 30 : 200,
  importRuns: quick ? 3 : 5,
};

const started = performance.now();
const log = (s: string) => console.log(`bench: ${s}`);
const elapsed = () => `${Math.round((performance.now() - started) / 1000)} s`;

type Target = "app" | "appNoCache" | "static" | "nginx";

async function main() {
  mkdirSync(TMP, { recursive: true });
  const servers: Server[] = [];
  const loadBefore = loadavg()[0];
  try {
    // 1. Build (or reuse one).
    const decision = decideBuild(DIST, { quick, force: opts.build === true, never: opts["no-build"] });
    log(`build: ${decision.reason}`);
    let buildSeconds: number | null = null;
    if (decision.build) {
      log("building into .next-bench (about a minute) …");
      buildSeconds = round(runBuild(DIST, join(TMP, "build.log")), 0);
      log(`built in ${buildSeconds} s`);
    }

    // 2. Import budget, with no server running to share the cores.
    const import16 = timeImport16(TMP, MODE.importRuns);
    log(`import of a 16-page issue: median ${import16.medianMs} ms, cold ${import16.coldMs} ms`);

    // 3. Data.
    const data = prepareDataset({ tmpDir: TMP, issues: MODE.issues, log });
    log(`data: ${data.generation.issues} issues, ${data.generation.articles} articles, ${data.generation.databaseMB} MB (${elapsed()})`);

    // 4. Servers: the app as shipped, and the app with its in-memory response cache off.
    const logs = join(TMP, "logs");
    rmSync(logs, { recursive: true, force: true });
    mkdirSync(logs, { recursive: true });
    const [app, appNoCache] = await Promise.all([
      startApp({ name: "app", port: PORTS.app, distDir: DIST, databasePath: data.dbPath, logFile: join(logs, "app.log") }),
      startApp({
        name: "app, no response cache", port: PORTS.appNoCache, distDir: DIST, databasePath: data.dbPath,
        logFile: join(logs, "app-nocache.log"), env: { EPAPER_RESPONSE_CACHE: "0" },
      }),
    ]);
    servers.push(app, appNoCache);
    log(`app up on ${app.url} and ${appNoCache.url} (${elapsed()})`);

    // 5. The routes: the newest issue's front page, page 3, its first article, a search.
    const sqlite = new Database(data.dbPath, { readonly: true });
    const articleOf = (date: string) => sqlite.prepare(
      `select a.id from articles a join issues i on i.id = a.issue_id join papers p on p.id = i.paper_id
       where p.slug = ? and i.date = ? order by a.id limit 1`,
    ).pluck().get(BENCH_PAPER.slug, date) as number | undefined;
    const dates = sqlite.prepare(
      `select i.date from issues i join papers p on p.id = i.paper_id where p.slug = ? and i.status = 'published' order by i.date desc`,
    ).pluck().all(BENCH_PAPER.slug) as string[];
    const date = data.lastDate;
    const base = `/${BENCH_PAPER.slug}/${date}`;
    // A news day's popular queries: a few dozen words, asked over and over.
    const searchWords = WORDS.slice(10, 10 + 20);
    const routes: { key: string; name: string; path: string; loadPaths: string[] }[] = [
      { key: "front", name: "front page", path: base, loadPaths: [base] },
      { key: "inside", name: "inside page (3)", path: `${base}/3`, loadPaths: [`${base}/3`] },
      { key: "article", name: "article", path: `${base}/article/${articleOf(date)}`, loadPaths: [`${base}/article/${articleOf(date)}`] },
      {
        key: "search", name: "search", path: `/search?q=${encodeURIComponent("博物馆")}`,
        loadPaths: searchWords.map((w) => `/search?q=${encodeURIComponent(w)}`),
      },
    ];

    // 6. Uncached renders: pages of issues nobody has asked for yet (the first request renders).
    const unvisited = dates.slice(3, 3 + MODE.uncachedPerRoute * 3 + 3);
    await timeFirstRequests(app.url, unvisited.slice(0, 3).map((d) => `/${BENCH_PAPER.slug}/${d}`)); // warm the code
    const pool = unvisited.slice(3);
    const n = MODE.uncachedPerRoute;
    const uncached = {
      front: await timeFirstRequests(app.url, pool.slice(0, n).map((d) => `/${BENCH_PAPER.slug}/${d}`)),
      inside: await timeFirstRequests(app.url, pool.slice(n, 2 * n).map((d) => `/${BENCH_PAPER.slug}/${d}/3`)),
      article: await timeFirstRequests(app.url, pool.slice(2 * n, 3 * n).map((d) => `/${BENCH_PAPER.slug}/${d}/article/${articleOf(d)}`)),
    };
    sqlite.close();
    log(`uncached render, front page: p50 ${uncached.front.p50} ms, p95 ${uncached.front.p95} ms (${elapsed()})`);

    // 7. The same HTML bytes as files, for the static server; first-load JS from the same HTML.
    const staticDir = join(TMP, "static");
    rmSync(staticDir, { recursive: true, force: true });
    const available = new Map<string, boolean>();
    const js: Record<string, ReturnType<typeof firstLoadJs> | null> = {};
    for (const r of routes) {
      const res = await fetch(app.url + r.path);
      const html = await res.text();
      available.set(r.key, res.status === 200);
      if (res.status !== 200) {
        log(`${r.name}: ${r.path} answered ${res.status}; left out`);
        js[r.key] = null;
        continue;
      }
      const file = join(staticDir, `${r.path.split("?")[0]}.html`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
      js[r.key] = firstLoadJs(html, join(ROOT, DIST));
    }

    // 8. Caching headers a CDN relies on, checked on the live app.
    const caching = await checkCaching(app.url, routes[0].path);

    // 9. The comparison servers.
    const stat = await startStatic({ port: PORTS.static, dir: staticDir, logFile: join(logs, "static.log") });
    servers.push(stat);
    let nginx: Server | null = null;
    let nginxNote = "";
    if (opts["no-nginx"]) nginxNote = "--no-nginx given";
    else {
      const found = findNginx();
      if (!found.ok) nginxNote = found.why;
      else {
        rmSync(join(TMP, "nginx"), { recursive: true, force: true });
        nginx = await startNginx({ bin: found.bin, port: PORTS.nginx, upstream: `127.0.0.1:${PORTS.app}`, dir: join(TMP, "nginx"), logFile: join(logs, "nginx.log") });
        servers.push(nginx);
        nginxNote = found.note ?? "";
      }
    }
    const origins: Record<Target, Server | null> = { app, appNoCache, static: stat, nginx };

    // 10. Load: every route against every server, one after another, each warmed first.
    const rssApp = sampleRss(app.pid);
    const rssNoCache = sampleRss(appNoCache.pid);
    const results: RouteResult[] = [];
    const rssByRoute: Record<string, number> = {};
    for (const r of routes) {
      const rssRoute = sampleRss(app.pid);
      if (!available.get(r.key)) {
        results.push({ key: r.key, name: r.name, path: r.path, available: false, load: {} });
        continue;
      }
      const load: Partial<Record<Target, LoadResult>> = {};
      for (const target of ["app", "appNoCache", "static", "nginx"] as Target[]) {
        const server = origins[target];
        if (!server) continue;
        const paths = target === "static" ? [r.path] : r.loadPaths;
        // Searches take far longer than pages to render the first time: warm those longer.
        const warm = r.key === "search" ? (quick ? 1.5 : 3) : MODE.warmSeconds;
        await runLoad({ origin: server.url, paths, connections: MODE.connections, seconds: warm });
        load[target] = await runLoad({ origin: server.url, paths, connections: MODE.connections, seconds: MODE.seconds });
        log(`${r.name} @ ${server.name}: ${load[target]!.rps} req/s, p99 ${load[target]!.p99} ms (${elapsed()})`);
      }
      results.push({ key: r.key, name: r.name, path: r.path, available: true, load });
      rssByRoute[r.key] = rssRoute.stop();
    }
    const memory = { appMb: rssApp.stop(), appNoCacheMb: rssNoCache.stop(), appByRoute: rssByRoute };

    // 11. Search latency, one query at a time, queries not asked before (no cache helps).
    let search: { count: number; p50: number; p95: number; max: number } | null = null;
    if (available.get("search")) {
      const fresh = WORDS.slice(0, MODE.searchQueries).map((w, i) => `/search?q=${encodeURIComponent(i % 2 ? w : `${w} ${WORDS[(i * 7) % WORDS.length]}`)}`);
      const ms: number[] = [];
      for (const p of fresh) ms.push((await timeRequest(app.url + p)).ms);
      search = { count: ms.length, p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)) };
      log(`search, one at a time: p50 ${search.p50} ms, p95 ${search.p95} ms`);
    }

    // 12. Publish / unpublish reaching readers, through the response cache.
    const invalidation = await checkInvalidation({ origin: app.url, dbPath: data.dbPath, paper: BENCH_PAPER.slug, date, path: routes[0].path });

    const report: Report = {
      mode: quick ? "quick" : "full",
      when: new Date().toISOString(),
      machine: `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`,
      connections: MODE.connections, seconds: MODE.seconds, build: decision.reason, buildSeconds,
      data, routes: results, uncached, js, search, import16, memory, caching, invalidation,
      nginxNote, totalSeconds: round((performance.now() - started) / 1000, 0),
      loadAverage: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) },
    };
    const { table, markdown } = renderReport(report);
    // The committed results are a full run's; a quick run's go beside the bench's other scratch files.
    const out = quick ? join("bench", "tmp", "results-quick.md") : join("bench", "results.md");
    writeFileSync(join(ROOT, out), markdown);
    console.log("\n" + table + "\n");
    log(`wrote ${out} (${elapsed()})`);
    const front = results.find((r) => r.key === "front")!;
    const N = front.load.app?.rps ?? 0;
    const M = front.load.static?.rps ?? 0;
    console.log(`bench: front page ${N} req/s vs static ${M} req/s, ratio ${(M ? N / M : 0).toFixed(2)}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(`bench: failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
