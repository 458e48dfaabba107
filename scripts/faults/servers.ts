// Production servers, a database and a load loop for the fault cases: every process listens on
// 127.0.0.1 only, and every process started here is stopped by the case that started it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export const ROOT = process.cwd();
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

export function baseEnv(dbPath: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", DATABASE_PATH: dbPath,
    LISTEN_HOST: "127.0.0.1", EPAPER_SERVER_URL: "http://127.0.0.1:9", ...extra,
  };
}

export function requireBuild() {
  if (!existsSync(join(ROOT, ".next/BUILD_ID"))) {
    throw new Error("faults: no production build; run `npm run build` first");
  }
}

/** Runs the epaper CLI to completion; returns its exit code and output. */
export function cli(dbPath: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [TSX, "scripts/epaper.ts", ...args], { cwd: ROOT, env: baseEnv(dbPath, env), encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function setupDb(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const db = join(dir, "epaper.db");
  const r = cli(db, ["setup"]);
  if (r.code !== 0) throw new Error(`faults: setup failed: ${r.stderr}`);
  return db;
}

/** A port nothing listens on now (the machine is shared: fixed ports may be taken). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export type Server = { port: number; proc: ChildProcess; stop: () => Promise<void>; log: () => string };

export async function startServer(dbPath: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: ROOT, env: baseEnv(dbPath, { PORT: String(port), ...env }), stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout!.on("data", (d) => (log += d));
  proc.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`faults: server on ${port} exited: ${log}`);
    try {
      // Our own server's line, not merely something answering on the port.
      const res = log.includes(`serving on http://localhost:${port}`)
        ? await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) })
        : null;
      if (res?.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`faults: server on ${port} did not start: ${log}`);
    await sleep(200);
  }
  const stop = () => new Promise<void>((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once("exit", () => resolve());
    proc.kill("SIGTERM");
    setTimeout(() => proc.kill("SIGKILL"), 5000).unref();
  });
  return { port, proc, stop, log: () => log };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type LoadResult = { sent: number; answered: number; ok: number; p50: number; p99: number; max: number };

/**
 * Keeps `concurrency` requests in flight over `urls` for `ms`; a request that takes more than
 * `timeoutMs` counts as unanswered.
 */
export async function load(urls: string[] | ((i: number) => string), ms: number, concurrency = 8, timeoutMs = 5000): Promise<LoadResult> {
  const urlOf = typeof urls === "function" ? urls : (i: number) => urls[i % urls.length];
  const latencies: number[] = [];
  let sent = 0;
  let ok = 0;
  const end = Date.now() + ms;
  const worker = async (w: number) => {
    let i = w;
    while (Date.now() < end) {
      const url = urlOf(i);
      i += concurrency;
      sent++;
      const t = performance.now();
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (res.status < 500) ok++;
      } catch {
        // unanswered within timeoutMs
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
  return { sent, answered: latencies.length, ok, p50: q(0.5), p99: q(0.99), max: Math.round(latencies.at(-1) ?? 0) };
}

/**
 * Polls `url` until `check` holds. Returns when the first right answer was asked for (the
 * server had switched by then) and when it arrived (plus the time to render it), in ms from the
 * call; null after `ms`.
 */
export async function until(url: string, check: (status: number, body: string) => boolean, ms = 5000): Promise<{ asked: number; answered: number } | null> {
  const start = performance.now();
  while (performance.now() - start < ms) {
    try {
      const asked = performance.now();
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (check(res.status, await res.text())) return { asked: Math.round(asked - start), answered: Math.round(performance.now() - start) };
    } catch {
      // keep polling
    }
    await sleep(10);
  }
  return null;
}
