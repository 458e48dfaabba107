// Start-up and memory at rest: `npm start` with a built app until the first page is served, and
// where a server's resident memory goes before any load (Node itself, Next's module graph,
// jieba's dictionary, the first renders).
import { spawn, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { round } from "./budgets";
import { rssMb, waitForUrl } from "./servers";

const ROOT = resolve(import.meta.dirname, "..");

export type StartTiming = { name: string; ms: number | null; note: string };

async function timeStart(opts: { name: string; port: number; distDir: string; dbPath: string; logFile: string; env?: Record<string, string> }): Promise<StartTiming> {
  const log = openSync(opts.logFile, "a");
  const t0 = performance.now();
  // Exactly what `npm start` runs (npm itself adds ~0.3 s of its own before this).
  const proc = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT, stdio: ["ignore", log, log], detached: false,
    env: {
      ...process.env, NEXT_DIST_DIR: opts.distDir, PORT: String(opts.port), LISTEN_HOST: "127.0.0.1",
      DATABASE_PATH: opts.dbPath, NEXT_TELEMETRY_DISABLED: "1", ...opts.env,
    },
  });
  let ms: number | null = null;
  let note = "";
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && ms === null) {
      if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${opts.port}/`, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        if (res.status < 400) ms = round(performance.now() - t0, 0);
        else note = `status ${res.status}`;
      } catch {
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  } catch (e) {
    note = (e as Error).message;
  } finally {
    const exited = new Promise<void>((r) => (proc.exitCode !== null ? r() : proc.once("exit", () => r())));
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
  return { name: opts.name, ms, note };
}

/**
 * `npm start` three ways: on an empty database (migrations, demo seed), restarted on that
 * database, and on the bench's archive (a large database that only needs checking).
 */
export async function measureStarts(opts: { tmpDir: string; distDir: string; port: number; archiveDb: string; logFile: string }): Promise<StartTiming[]> {
  const dir = join(opts.tmpDir, "start");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = join(dir, "epaper.db");
  const archiveCopy = join(dir, "archive.db");
  const common = { port: opts.port, distDir: opts.distDir, logFile: opts.logFile };
  const out: StartTiming[] = [];
  out.push(await timeStart({ ...common, name: "first start (empty database: migrate, seed the demo)", dbPath: db }));
  out.push(await timeStart({ ...common, name: "restart (demo database)", dbPath: db }));
  // Copied only now, and flushed to disk before the clock starts: writing back 2 GB of copy
  // under a start being timed measured the disk, not the start (4.0 s against 2.2 s alone).
  copyFileSync(opts.archiveDb, archiveCopy);
  const fd = openSync(archiveCopy, "r+");
  try { fsyncSync(fd); } finally { closeSync(fd); }
  out.push(await timeStart({ ...common, name: "restart (the bench's archive)", dbPath: archiveCopy, env: { EPAPER_DEMO: "0" } }));
  rmSync(dir, { recursive: true, force: true });
  return out;
}

export type MemoryAtRest = {
  nodeMb: number; // a bare Node process
  nextStartMb: number | null; // plain `next start` on the same build and database, after /api/health
  jiebaMb: number; // @node-rs/jieba with its dictionary, loaded alone
  startedMb: number; // the app after /api/health answered
  afterPageMb: number; // after the first reader page
  afterSearchMb: number; // after the first search (jieba loaded, if it was not)
};

function bareNodeRss(script: string): number {
  const r = spawnSync(process.execPath, ["-e", `${script}; console.log(process.memoryUsage().rss)`], { cwd: ROOT, encoding: "utf8" });
  return Math.round(Number(r.stdout.trim()) / 1048576);
}

/** Next's own server without ours around it: what `next start` holds at rest. */
async function nextStartRss(opts: { port: number; distDir: string; dbPath: string; logFile: string }): Promise<number | null> {
  const log = openSync(opts.logFile, "a");
  const proc = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(opts.port), "-H", "127.0.0.1"], {
    cwd: ROOT, stdio: ["ignore", log, log],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: opts.distDir, DATABASE_PATH: opts.dbPath },
  });
  try {
    await waitForUrl(`http://127.0.0.1:${opts.port}/api/health`, 60_000, proc);
    return rssMb(proc.pid!);
  } catch {
    return null;
  } finally {
    const exited = new Promise<void>((r) => (proc.exitCode !== null ? r() : proc.once("exit", () => r())));
    proc.kill("SIGTERM");
    await exited;
  }
}

/** Memory of a freshly started app, step by step; call before any load reaches it. */
export async function memoryAtRest(opts: {
  pid: number; url: string; pagePath: string; searchPath: string; nextStart: { port: number; distDir: string; dbPath: string; logFile: string };
}): Promise<MemoryAtRest> {
  const nodeMb = bareNodeRss("");
  const nextStartMb = await nextStartRss(opts.nextStart);
  const jiebaMb = bareNodeRss(`const { Jieba } = require("@node-rs/jieba"); const { dict } = require("@node-rs/jieba/dict.js"); Jieba.withDict(dict).cut("今天")`) - nodeMb;
  const startedMb = rssMb(opts.pid);
  await (await fetch(opts.url + opts.pagePath)).arrayBuffer();
  const afterPageMb = rssMb(opts.pid);
  await (await fetch(opts.url + opts.searchPath)).arrayBuffer();
  const afterSearchMb = rssMb(opts.pid);
  return { nodeMb, nextStartMb, jiebaMb, startedMb, afterPageMb, afterSearchMb };
}
