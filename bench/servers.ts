// The servers the benchmark measures, each a child process on loopback on its own port
// (3600-3699): the app (scripts/serve.ts), a minimal node:http server and `serve` over the
// exported HTML, and nginx (static files, wrk's ceiling, the shipped proxy cache, app pools).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { serverArgs, serverEnv } from "../scripts/server-bundle.mjs";

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

/** The production server, exactly as `npm start` runs it (scripts/server-bundle.mjs), on a build in `distDir`. */
export async function startApp(opts: {
  name: string; port: number; distDir: string; databasePath: string; logFile: string; env?: Record<string, string>;
}): Promise<Server> {
  const log = openSync(opts.logFile, "a");
  const proc = spawn(process.execPath, await serverArgs(opts.distDir), {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: {
      ...serverEnv(), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: opts.distDir,
      PORT: String(opts.port), LISTEN_HOST: "127.0.0.1", DATABASE_PATH: opts.databasePath, ...opts.env,
    },
  });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForUrl(`${url}/api/health`, 60_000, proc);
  return { name: opts.name, url, proc, pid: proc.pid!, stop: stopper(proc) };
}

/** `serve` 14 over a folder of exported HTML: a Node static server (gzips every response). */
export async function startServe(opts: { port: number; dir: string; logFile: string }): Promise<Server> {
  const log = openSync(opts.logFile, "a");
  const proc = spawn(process.execPath, [
    join(ROOT, "node_modules/serve/build/main.js"), "-l", `tcp://127.0.0.1:${opts.port}`,
    "--no-request-logging", "--no-clipboard", "--no-port-switching", opts.dir,
  ], { cwd: ROOT, stdio: ["ignore", log, log], env: { ...process.env, NODE_ENV: "production" } });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForUrl(`${url}/`, 20_000, proc);
  return { name: "serve (static)", url, proc, pid: proc.pid!, stop: stopper(proc) };
}

/** bench/minimal-server.mjs: node:http sending the exported files from memory, Node's own ceiling. */
export async function startMinimal(opts: { port: number; dir: string; logFile: string }): Promise<Server> {
  const log = openSync(opts.logFile, "a");
  const proc = spawn(process.execPath, [join(ROOT, "bench/minimal-server.mjs"), String(opts.port), opts.dir], {
    cwd: ROOT, stdio: ["ignore", log, log], env: { ...process.env, NODE_ENV: "production" },
  });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForUrl(`${url}/healthz`, 20_000, proc);
  return { name: "node:http", url, proc, pid: proc.pid!, stop: stopper(proc) };
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

export const PROXY_CACHE_CONF = join(ROOT, "bench/nginx/proxy-cache.conf");

/**
 * The shipped proxy-cache config with the bench's own listen address, upstreams and cache
 * directory: the three lines a deployment edits, and nothing else.
 */
export function proxyCacheConfig(shipped: string, opts: { port: number; upstreams: string[]; cacheDir: string }): string {
  const out = shipped
    .replace(/^(\s*proxy_cache_path )\S+/m, `$1${opts.cacheDir}`)
    .replace(/^(\s*)server 127\.0\.0\.1:3000;$/m, (_, indent: string) => opts.upstreams.map((u) => `${indent}server ${u};`).join("\n"))
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${opts.port};`);
  for (const needle of [opts.cacheDir, `listen 127.0.0.1:${opts.port};`, `server ${opts.upstreams[0]};`]) {
    if (!out.includes(needle)) throw new Error(`bench/nginx/proxy-cache.conf changed shape: could not set ${needle}`);
  }
  return out;
}

/**
 * One nginx (one worker, like one app process; access log off; sendfile and tcp_nopush on, as
 * Debian's nginx.conf has them) with the servers the bench asks for: `httpBody` goes inside http {}.
 */
export function nginxMainConfig(dir: string, httpBody: string, workers = 1): string {
  return `worker_processes ${workers};
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type text/html;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${httpBody}
}
`;
}

/** nginx serving exported files (`/a/b` from `a/b.html`), and an empty 204: wrk's own ceiling. */
export function nginxStaticServers(opts: { staticPort: number; ceilingPort: number; dir: string }): string {
  return `  server {
    listen 127.0.0.1:${opts.staticPort};
    root ${opts.dir};
    location = /healthz { return 204; }
    location / { try_files $uri.html $uri =404; }
  }
  server {
    listen 127.0.0.1:${opts.ceilingPort};
    location / { return 204; }
  }
`;
}

/** Plain load balancing over app instances, no cache: what several processes on one database do. */
export function nginxPoolServer(opts: { port: number; name: string; upstreams: string[] }): string {
  return `  upstream ${opts.name} {
${opts.upstreams.map((u) => `    server ${u};`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${opts.port};
    location / {
      proxy_pass http://${opts.name};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
    }
  }
`;
}

export async function startNginx(opts: {
  bin: string; name: string; dir: string; config: string; logFile: string; waitFor: string[];
}): Promise<Server> {
  mkdirSync(join(opts.dir, "cache"), { recursive: true });
  const conf = join(opts.dir, "nginx.conf");
  writeFileSync(conf, opts.config);
  const log = openSync(opts.logFile, "a");
  const proc = spawn(opts.bin, ["-p", opts.dir, "-e", join(opts.dir, "error.log"), "-c", conf, "-g", "daemon off;"], {
    stdio: ["ignore", log, log],
  });
  try {
    for (const url of opts.waitFor) await waitForUrl(url, 15_000, proc);
  } catch (e) {
    const err = existsSync(join(opts.dir, "error.log")) ? readFileSync(join(opts.dir, "error.log"), "utf8").slice(-500) : "";
    proc.kill("SIGTERM");
    throw new Error(`${(e as Error).message}\n${err}`);
  }
  return { name: opts.name, url: opts.waitFor[0], proc, pid: proc.pid!, stop: stopper(proc) };
}

/** Resident memory (VmRSS) of a process now, in MB; 0 when it is gone. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
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
