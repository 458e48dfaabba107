// The servers the benchmark measures, each a child process on its own port (3500-3599):
// the app (scripts/serve.ts), `serve` over exported HTML, and nginx as a caching proxy.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export type Server = { name: string; url: string; proc: ChildProcess; pid: number; stop: () => Promise<void> };

const ROOT = resolve(import.meta.dirname, "..");

async function sleep(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

/** Polls a URL until it answers (any status below 500), or gives up. */
export async function waitForUrl(url: string, timeoutMs: number, proc?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) throw new Error(`${url}: the server exited with code ${proc.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
      last = `status ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

function stopper(proc: ChildProcess): () => Promise<void> {
  return async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once("exit", () => r()));
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  };
}

/** The production server, exactly as `npm start` runs it, on a build in `distDir`. */
export async function startApp(opts: {
  name: string; port: number; distDir: string; databasePath: string; logFile: string; env?: Record<string, string>;
}): Promise<Server> {
  const log = openSync(opts.logFile, "a");
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: {
      ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: opts.distDir,
      PORT: String(opts.port), LISTEN_HOST: "127.0.0.1", DATABASE_PATH: opts.databasePath, ...opts.env,
    },
  });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForUrl(`${url}/api/health`, 60_000, proc);
  return { name: opts.name, url, proc, pid: proc.pid!, stop: stopper(proc) };
}

/** `serve` 14 over a folder of exported HTML: what a newsroom publishing static files would run. */
export async function startStatic(opts: { port: number; dir: string; logFile: string }): Promise<Server> {
  const log = openSync(opts.logFile, "a");
  const proc = spawn(process.execPath, [
    join(ROOT, "node_modules/serve/build/main.js"), "-l", `tcp://127.0.0.1:${opts.port}`,
    "--no-request-logging", "--no-clipboard", "--no-port-switching", opts.dir,
  ], { cwd: ROOT, stdio: ["ignore", log, log], env: { ...process.env, NODE_ENV: "production" } });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForUrl(`${url}/`, 20_000, proc);
  return { name: "static (serve)", url, proc, pid: proc.pid!, stop: stopper(proc) };
}

export type NginxFound = { ok: true; bin: string; note?: string } | { ok: false; why: string };

/** Finds nginx; installs Debian's nginx-light when missing and we are root. */
export function findNginx(): NginxFound {
  const candidates = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"];
  const found = candidates.find((c) => existsSync(c));
  if (found) return { ok: true, bin: found };
  if (process.getuid?.() !== 0) return { ok: false, why: "nginx is not installed and the bench is not root, so it cannot apt-get install it" };
  console.log("bench: nginx not found; installing Debian's nginx-light (root) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let r = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx-light"], { env, stdio: "ignore" });
  if (r.status !== 0) {
    spawnSync("apt-get", ["update", "-qq"], { env, stdio: "ignore" });
    r = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx-light"], { env, stdio: "ignore" });
  }
  const after = candidates.find((c) => existsSync(c));
  return after ? { ok: true, bin: after, note: "installed nginx-light for this run" } : { ok: false, why: "apt-get install nginx-light failed" };
}

/**
 * nginx as a CDN stand-in: proxy_cache keyed like a CDN, honouring the app's s-maxage and
 * stale-while-revalidate (nginx reads both from Cache-Control), one lock per missing key.
 */
export function nginxConfig(opts: { dir: string; port: number; upstream: string }): string {
  const d = opts.dir;
  return `worker_processes auto;
error_log ${d}/error.log warn;
pid ${d}/nginx.pid;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${d}/client_body;
  proxy_temp_path ${d}/proxy;
  fastcgi_temp_path ${d}/fastcgi;
  uwsgi_temp_path ${d}/uwsgi;
  scgi_temp_path ${d}/scgi;
  proxy_cache_path ${d}/cache levels=1:2 keys_zone=pages:16m max_size=512m inactive=10m use_temp_path=off;
  upstream app { server ${opts.upstream}; keepalive 64; }
  server {
    listen 127.0.0.1:${opts.port};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_cache pages;
      proxy_cache_key $scheme$host$request_uri;
      proxy_cache_lock on;
      proxy_cache_revalidate on;
      proxy_cache_use_stale updating error timeout http_500 http_502 http_503;
      proxy_cache_background_update on;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
}

export async function startNginx(opts: { bin: string; port: number; upstream: string; dir: string; logFile: string }): Promise<Server> {
  mkdirSync(join(opts.dir, "cache"), { recursive: true });
  const conf = join(opts.dir, "nginx.conf");
  writeFileSync(conf, nginxConfig({ dir: opts.dir, port: opts.port, upstream: opts.upstream }));
  const log = openSync(opts.logFile, "a");
  const proc = spawn(opts.bin, ["-p", opts.dir, "-e", join(opts.dir, "error.log"), "-c", conf, "-g", "daemon off;"], {
    stdio: ["ignore", log, log],
  });
  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await waitForUrl(`${url}/api/health`, 10_000, proc);
  } catch (e) {
    const err = existsSync(join(opts.dir, "error.log")) ? readFileSync(join(opts.dir, "error.log"), "utf8").slice(-500) : "";
    throw new Error(`${(e as Error).message}\n${err}`);
  }
  return { name: "nginx cache", url, proc, pid: proc.pid!, stop: stopper(proc) };
}

/** Samples a process's resident memory (VmRSS) until stopped; returns the maximum in MB. */
export function sampleRss(pid: number, everyMs = 100) {
  let max = 0;
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) max = Math.max(max, Number(m[1]) / 1024);
    } catch {
      // The process is gone: keep what was seen.
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  timer.unref();
  return {
    get maxMb() {
      read();
      return Math.round(max);
    },
    stop() {
      clearInterval(timer);
      read();
      return Math.round(max);
    },
  };
}
