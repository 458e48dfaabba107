// `npm run bench [-- --quick]`: how fast readers get pages from Banmian, against the ceiling on
// this machine: nginx serving the same HTML bytes from files, measured by wrk in the same run.
// bench/results.md says what each number means; bench/SCALING.md covers more than one machine.
//
// Options: --quick (about two minutes: 120 issues, 2 s per load run), --build / --no-build,
// --seconds N (per load run), --connections N (default 50), --issues N, --serve (add the
// `serve` column in a quick run; a full run always has it), --extras / --no-extras (the print-PDF
// import and Lighthouse, when bench/pdf-import.ts and bench/lighthouse.ts exist; full runs only
// by default), --fresh-clone (also time clone →
// npm ci → first page, minutes; otherwise the last such timing is reported with its date).
// Building: a full run rebuilds .next-bench when any source is newer than its BUILD_ID;
// --quick reuses any existing BUILD_ID (and says when it is stale). See bench/build.ts.
import Database from "better-sqlite3";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { round, firstLoadJs, timeFirstRequests, timeImport16 } from "./budgets";
import { decideBuild, runBuild } from "./build";
import { BENCH_PAPER, prepareDataset } from "./data";
import { checkCaching, checkInvalidation } from "./http-checks";
import { findWrk, percentile, runLoad, timeRequest, type LoadResult } from "./load";
import { renderReport, type Report, type RouteResult, type Target } from "./report";
import { measureScaleOut, type ScaleRow } from "./scale";
import {
  findNginx, nginxMainConfig, nginxStaticServers, proxyCacheConfig, PROXY_CACHE_CONF, sampleRss, startApp, startMinimal,
  startNginx, startServe, type Server,
} from "./servers";
import { lighthouse, pdfImport, type Extra } from "./extras";
import { freshClone } from "./fresh-clone";
import { measureStarts, memoryAtRest } from "./startup";
import { measureSubscriber, type SubscriberBench } from "./subscriber";
import { WORDS } from "./archive/words";

const ROOT = resolve(import.meta.dirname, "..");
const DIST = ".next-bench";
const TMP = join(ROOT, "bench", "tmp");
// Loopback only, 3600-3699.
const PORTS = {
  app: 3601, appNoCache: 3602, serve: 3603, nginxStatic: 3604, nginxProxy: 3605, ceiling: 3606, minimal: 3607,
  start: 3630, nextStart: 3631, clone: 3650, scaleApps: [3611, 3612, 3613, 3614], pools: { 1: 3621, 2: 3622, 4: 3624 } as Record<number, number>,
};

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    build: { type: "boolean" },
    "no-build": { type: "boolean", default: false },
    seconds: { type: "string" },
    connections: { type: "string", default: "50" },
    issues: { type: "string" },
    serve: { type: "boolean", default: false },
    extras: { type: "boolean" },
    "no-extras": { type: "boolean", default: false },
    "fresh-clone": { type: "boolean", default: false },
  },
});

const quick = opts.quick;
const MODE = {
  issues: Number(opts.issues ?? (quick ? 120 : 3653)), // full: ten years of a daily
  seconds: Number(opts.seconds ?? (quick ? 2 : 10)), // wrk: whole seconds
  warmSeconds: quick ? 1 : 2,
  connections: Number(opts.connections),
  uncachedPerRoute: quick ? 6 : 20,
  searchQueries: quick ? 30 : 200,
  importRuns: quick ? 3 : 5,
  serve: opts.serve || !quick,
  // The PDF import and Lighthouse take minutes: full runs only, unless --extras.
  extras: !opts["no-extras"] && (opts.extras ?? !quick),
};

const started = performance.now();
const log = (s: string) => console.log(`bench: ${s}`);
const elapsed = () => `${Math.round((performance.now() - started) / 1000)} s`;

/** Drops every folder named after the bench paper under the build's server output (ISR entries). */
function removeCachedPages(dir: string, slug: string, depth = 0) {
  if (depth > 6 || !existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const p = join(dir, entry.name);
    if (entry.name === slug) rmSync(p, { recursive: true, force: true });
    else removeCachedPages(p, slug, depth + 1);
  }
}

/** The last fresh-clone timing (bench/fresh-clone.ts), with its date, when there is one. */
function lastFreshClone(): Extra[] {
  const p = join(TMP, "fresh-clone.md");
  return existsSync(p) ? [{ name: "From a fresh clone to the first page", markdown: readFileSync(p, "utf8") }] : [];
}

async function main() {
  mkdirSync(TMP, { recursive: true });
  const servers: Server[] = [];
  const loadBefore = loadavg();
  if (!findWrk()) throw new Error("wrk is not installed (Debian: apt-get install -y --no-install-recommends wrk)");
  const nginxFound = findNginx();
  if (!nginxFound.ok) throw new Error(`nginx is needed for the ceiling: ${nginxFound.why}`);
  const nginxBin = nginxFound.bin;
  try {
    // 1. Build (or reuse one).
    const decision = decideBuild(DIST, { quick, force: opts.build === true, never: opts["no-build"] });
    log(`build: ${decision.reason}`);
    let build: { seconds: number; warnings: number } | null = null;
    if (decision.build) {
      log("building into .next-bench (a minute or two) …");
      build = runBuild(DIST, join(TMP, "build.log"));
      build.seconds = round(build.seconds, 0);
      log(`built in ${build.seconds} s, ${build.warnings} warning(s)`);
    }

    // 2. Import budget, with no server running to share the cores.
    const import16 = timeImport16(TMP, MODE.importRuns);
    log(`import of a 16-page issue: median ${import16.medianMs} ms, cold ${import16.coldMs} ms`);
    const extras: Extra[] = [];
    if (MODE.extras) {
      const pdf = await pdfImport(quick);
      if (pdf) {
        extras.push(pdf);
        log(`print-PDF import: ${pdf.markdown.split("\n")[0]}`);
      }
    }

    // 3. Data. Next's ISR cache keeps rendered pages in the dist dir across runs: the bench
    //    paper's are dropped, so "uncached" stays true on a second run.
    const data = prepareDataset({ tmpDir: TMP, issues: MODE.issues, log });
    removeCachedPages(join(ROOT, DIST, "server"), BENCH_PAPER.slug);
    log(`data: ${data.generation.issues} issues, ${data.generation.articles} articles, ${data.generation.databaseMB} MB (${elapsed()})`);

    // 4. Start-up, before anything else runs: `npm start` until the first page.
    const logs = join(TMP, "logs");
    rmSync(logs, { recursive: true, force: true });
    mkdirSync(logs, { recursive: true });
    const starts = await measureStarts({ tmpDir: TMP, distDir: DIST, port: PORTS.start, archiveDb: data.dbPath, logFile: join(logs, "start.log") });
    for (const s of starts) log(`npm start, ${s.name}: ${s.ms ?? "no page"} ms${s.note ? ` (${s.note})` : ""}`);

    // 5. The app as shipped, and the app with its in-memory response cache off.
    const [app, appNoCache] = await Promise.all([
      startApp({ name: "app", port: PORTS.app, distDir: DIST, databasePath: data.dbPath, logFile: join(logs, "app.log") }),
      startApp({
        name: "app, no response cache", port: PORTS.appNoCache, distDir: DIST, databasePath: data.dbPath,
        logFile: join(logs, "app-nocache.log"), env: { EPAPER_RESPONSE_CACHE: "0" },
      }),
    ]);
    servers.push(app, appNoCache);
    log(`app up on ${app.url} and ${appNoCache.url} (${elapsed()})`);

    // 6. The routes: the newest issue's front page, page 3, its first article, a search.
    const sqlite = new Database(data.dbPath, { readonly: true });
    const articlesOf = (date: string) => sqlite.prepare(
      `select a.id from articles a join issues i on i.id = a.issue_id join papers p on p.id = i.paper_id
       where p.slug = ? and i.date = ? order by a.id`,
    ).pluck().all(BENCH_PAPER.slug, date) as number[];
    const dates = sqlite.prepare(
      `select i.date from issues i join papers p on p.id = i.paper_id where p.slug = ? and i.status = 'published' order by i.date desc`,
    ).pluck().all(BENCH_PAPER.slug) as string[];
    const date = data.lastDate;
    const base = `/${BENCH_PAPER.slug}/${date}`;
    const firstArticle = articlesOf(date)[0];
    // The subscriber's step (14b): a story of the issue before the newest, gated while it runs.
    const gatedStory = dates[1] ? { date: dates[1], articleId: articlesOf(dates[1])[0] } : null;
    const memory0 = await memoryAtRest({
      pid: app.pid, url: app.url, pagePath: base, searchPath: `/search?q=${encodeURIComponent("博物馆")}`,
      nextStart: { port: PORTS.nextStart, distDir: DIST, dbPath: data.dbPath, logFile: join(logs, "next-start.log") },
    });
    log(`memory at rest: bare node ${memory0.nodeMb} MB, app started ${memory0.startedMb} MB, after a page ${memory0.afterPageMb} MB, after a search ${memory0.afterSearchMb} MB (jieba alone: ${memory0.jiebaMb} MB)`);
    // A news day's popular queries: a few dozen words, asked over and over.
    const searchWords = WORDS.slice(10, 10 + 20);
    const routes: { key: string; name: string; path: string; loadPaths: string[] }[] = [
      { key: "front", name: "front page", path: base, loadPaths: [base] },
      { key: "inside", name: "inside page (3)", path: `${base}/3`, loadPaths: [`${base}/3`] },
      { key: "article", name: "article", path: `${base}/article/${firstArticle}`, loadPaths: [`${base}/article/${firstArticle}`] },
      {
        key: "search", name: "search", path: `/search?q=${encodeURIComponent("博物馆")}`,
        loadPaths: searchWords.map((w) => `/search?q=${encodeURIComponent(w)}`),
      },
    ];

    // 7. Uncached renders, one at a time: pages of issues nobody has asked for yet.
    const unvisited = dates.slice(3, 3 + MODE.uncachedPerRoute * 3 + 3);
    await timeFirstRequests(app.url, unvisited.slice(0, 3).map((d) => `/${BENCH_PAPER.slug}/${d}`)); // warm the code
    const pool = unvisited.slice(3);
    const n = MODE.uncachedPerRoute;
    const uncached = {
      front: await timeFirstRequests(app.url, pool.slice(0, n).map((d) => `/${BENCH_PAPER.slug}/${d}`)),
      inside: await timeFirstRequests(app.url, pool.slice(n, 2 * n).map((d) => `/${BENCH_PAPER.slug}/${d}/3`)),
      article: await timeFirstRequests(app.url, pool.slice(2 * n, 3 * n).map((d) => `/${BENCH_PAPER.slug}/${d}/article/${articlesOf(d)[0]}`)),
    };
    // The scale-out's renders: articles of issues older than all of the above, a disjoint set per
    // instance count, in an order that spreads them over issues.
    const older = dates.slice(3 + MODE.uncachedPerRoute * 3 + 3);
    const renderPool = older.flatMap((d) => articlesOf(d).map((id) => `/${BENCH_PAPER.slug}/${d}/article/${id}`));
    sqlite.close();
    log(`uncached render, front page: p50 ${uncached.front.p50} ms, p95 ${uncached.front.p95} ms (${elapsed()})`);

    // 8. The same HTML bytes as files, for the static servers; first-load JS from the same HTML.
    const staticDir = join(TMP, "static");
    rmSync(staticDir, { recursive: true, force: true });
    const available = new Map<string, boolean>();
    const js: Record<string, ReturnType<typeof firstLoadJs> | null> = {};
    const bytes: Record<string, number> = {};
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
      bytes[r.key] = Buffer.byteLength(html);
      js[r.key] = firstLoadJs(html, join(ROOT, DIST));
    }

    // 9. Caching headers a CDN relies on, checked on the live app.
    const caching = await checkCaching(app.url, routes[0].path);

    // 10. The comparison servers: nginx (static files, an empty 204 for wrk's ceiling, the
    //     shipped proxy cache in front of the app), node:http from memory, and `serve`.
    const nginxDir = join(TMP, "nginx");
    rmSync(nginxDir, { recursive: true, force: true });
    mkdirSync(nginxDir, { recursive: true });
    const proxyConf = proxyCacheConfig(readFileSync(PROXY_CACHE_CONF, "utf8"), {
      port: PORTS.nginxProxy, upstreams: [`127.0.0.1:${PORTS.app}`], cacheDir: join(nginxDir, "cache"),
    });
    writeFileSync(join(nginxDir, "proxy-cache.conf"), proxyConf);
    const nginx = await startNginx({
      bin: nginxBin, name: "nginx", dir: nginxDir, logFile: join(logs, "nginx.log"),
      config: nginxMainConfig(nginxDir, nginxStaticServers({ staticPort: PORTS.nginxStatic, ceilingPort: PORTS.ceiling, dir: staticDir }) + `  include ${join(nginxDir, "proxy-cache.conf")};\n`),
      waitFor: [`http://127.0.0.1:${PORTS.nginxStatic}/healthz`, `http://127.0.0.1:${PORTS.ceiling}/`, `http://127.0.0.1:${PORTS.nginxProxy}/api/health`],
    });
    servers.push(nginx);
    const minimal = await startMinimal({ port: PORTS.minimal, dir: staticDir, logFile: join(logs, "minimal.log") });
    servers.push(minimal);
    let serve: Server | null = null;
    if (MODE.serve) {
      serve = await startServe({ port: PORTS.serve, dir: staticDir, logFile: join(logs, "serve.log") });
      servers.push(serve);
    }
    const origins: Record<Target, string | null> = {
      app: app.url, appNoCache: appNoCache.url, minimal: minimal.url,
      nginxStatic: `http://127.0.0.1:${PORTS.nginxStatic}`, nginxProxy: `http://127.0.0.1:${PORTS.nginxProxy}`,
      serve: serve?.url ?? null,
    };
    const load = { connections: MODE.connections, scriptDir: join(TMP, "wrk") };

    // 11. wrk's own ceiling: nginx answering an empty 204, the cheapest response there is.
    await runLoad({ ...load, origin: `http://127.0.0.1:${PORTS.ceiling}`, paths: ["/"], seconds: MODE.warmSeconds });
    const ceiling = await runLoad({ ...load, origin: `http://127.0.0.1:${PORTS.ceiling}`, paths: ["/"], seconds: MODE.seconds });
    log(`wrk's ceiling (nginx, empty 204): ${ceiling.rps} req/s`);

    // 12. Load: every route against every server, one after another, each warmed first.
    const rssApp = sampleRss(app.pid);
    const rssNoCache = sampleRss(appNoCache.pid);
    const results: RouteResult[] = [];
    const rssByRoute: Record<string, number> = {};
    let proxyHits = "";
    for (const r of routes) {
      const rssRoute = sampleRss(app.pid);
      if (!available.get(r.key)) {
        results.push({ key: r.key, name: r.name, path: r.path, available: false, load: {} });
        continue;
      }
      const byTarget: Partial<Record<Target, LoadResult>> = {};
      for (const target of ["app", "appNoCache", "minimal", "nginxStatic", "nginxProxy", "serve"] as Target[]) {
        const origin = origins[target];
        if (!origin) continue;
        const fromFiles = target === "nginxStatic" || target === "minimal" || target === "serve";
        const paths = fromFiles ? [r.path.split("?")[0]] : r.loadPaths;
        // Searches take far longer than pages to render the first time: warm those longer.
        const warm = r.key === "search" ? (quick ? 2 : 3) : MODE.warmSeconds;
        await runLoad({ ...load, origin, paths, seconds: warm });
        byTarget[target] = await runLoad({ ...load, origin, paths, seconds: MODE.seconds });
        log(`${r.name} @ ${target}: ${byTarget[target]!.rps} req/s, p99 ${byTarget[target]!.p99} ms (${elapsed()})`);
        if (target === "nginxProxy" && r.key === "front") {
          proxyHits = (await fetch(origin + r.path)).headers.get("x-cache-status") ?? "none";
        }
      }
      results.push({ key: r.key, name: r.name, path: r.path, available: true, load: byTarget });
      rssByRoute[r.key] = rssRoute.stop();
    }
    const memory = { appMb: rssApp.stop(), appNoCacheMb: rssNoCache.stop(), appByRoute: rssByRoute, atRest: memory0 };

    // 13. Search latency, one query at a time, queries not asked before (no cache helps).
    let search: { count: number; p50: number; p95: number; max: number } | null = null;
    if (available.get("search")) {
      const fresh = WORDS.slice(0, MODE.searchQueries).map((w, i) => `/search?q=${encodeURIComponent(i % 2 ? w : `${w} ${WORDS[(i * 7) % WORDS.length]}`)}`);
      const ms: number[] = [];
      for (const p of fresh) ms.push((await timeRequest(app.url + p)).ms);
      search = { count: ms.length, p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)) };
      log(`search, one at a time: p50 ${search.p50} ms, p95 ${search.p95} ms`);
    }

    // 13b. The reader's phone budgets, against the app as shipped, with nothing else under load.
    if (MODE.extras) {
      const lh = await lighthouse(app.url, quick ? 1 : 3);
      if (lh) {
        extras.push(lh);
        log("lighthouse: done");
      }
    }

    // 14. Publish / unpublish reaching readers, through the response cache.
    const invalidation = await checkInvalidation({ origin: app.url, dbPath: data.dbPath, paper: BENCH_PAPER.slug, date, path: routes[0].path });

    // 14b. A subscriber's article beside an anonymous one, through the whole server.
    let subscriber: SubscriberBench | null = null;
    if (gatedStory) {
      try {
        subscriber = await measureSubscriber({
          origin: app.url, dbPath: data.dbPath, paperSlug: BENCH_PAPER.slug, free: { date, articleId: firstArticle }, gated: gatedStory,
          connections: MODE.connections, seconds: MODE.seconds, warmSeconds: MODE.warmSeconds, scriptDir: load.scriptDir, log,
        });
      } catch (e) {
        log(`subscriber: failed: ${(e as Error).message}`);
      }
    }

    // 15. Scale out: the single-server columns stop first, so the instances have the cores.
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    const counts = [1, 2, 4];
    const perSet = Math.floor(renderPool.length / counts.length);
    const renderSets: Record<number, string[]> = {};
    counts.forEach((c, i) => {
      renderSets[c] = renderPool.slice(i * perSet, (i + 1) * perSet);
    });
    let scale: ScaleRow[] = [];
    try {
      scale = await measureScaleOut({
        nginxBin, distDir: DIST, dbPath: data.dbPath, tmpDir: TMP, logDir: logs, appPorts: PORTS.scaleApps, poolPorts: PORTS.pools,
        cachedPath: routes[0].path, renderSets, connections: MODE.connections, seconds: MODE.seconds, warmSeconds: MODE.warmSeconds, log,
      });
    } catch (e) {
      log(`scale-out failed: ${(e as Error).message}`);
    }

    // 16. Optionally, a newcomer's clone → npm ci → first page (minutes).
    if (opts["fresh-clone"]) {
      log("fresh clone: git clone, npm ci, npm start until the first page (minutes) …");
      const { markdown } = await freshClone(PORTS.clone);
      writeFileSync(join(TMP, "fresh-clone.md"), markdown + "\n");
      log(`fresh clone: ${markdown.match(/clone → first page\*\* \| \*\*(\d+)/)?.[1] ?? "?"} s`);
    }

    const report: Report = {
      mode: quick ? "quick" : "full",
      when: new Date().toISOString(),
      machine: `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
      connections: MODE.connections, seconds: MODE.seconds, build: decision.reason, buildInfo: build,
      data, routes: results, uncached, js, bytes, search, import16, memory, caching, invalidation, ceiling, proxyHits, subscriber,
      starts, scale, extras: [...extras, ...lastFreshClone()],
      totalSeconds: round((performance.now() - started) / 1000, 0),
      loadAverage: { before: loadBefore.map((x) => round(x, 2)), after: loadavg().map((x) => round(x, 2)) },
    };
    const { table, markdown } = renderReport(report);
    // The committed results are a full run's; a quick run's go beside the bench's other scratch files.
    const out = quick ? join("bench", "tmp", "results-quick.md") : join("bench", "results.md");
    writeFileSync(join(ROOT, out), markdown);
    console.log("\n" + table + "\n");
    log(`wrote ${out} (${elapsed()})`);
    const front = results.find((r) => r.key === "front")!;
    const N = front.load.app?.rps ?? 0;
    const M = front.load.nginxStatic?.rps ?? 0;
    console.log(`bench: front page ${N} req/s vs nginx static ${M} req/s, ratio ${(M ? N / M : 0).toFixed(2)}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    for (const f of existsSync(join(TMP, "wrk")) ? readdirSync(join(TMP, "wrk")) : []) rmSync(join(TMP, "wrk", f), { force: true });
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(`bench: failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
