// Load generation with wrk (Debian's package, a C program), and plain sequential timing.
// autocannon, a Node program, tops out near 4-5k req/s on two cores and would measure itself;
// the bench shows wrk's own ceiling (nginx answering an empty 204) in every run.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type LoadResult = {
  rps: number; // completed requests per second
  p50: number; // latency, ms
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number; // wrk counts non-2xx-or-3xx responses
  errors: number; // connect, read, write errors and timeouts
};

/** Finds wrk; installs Debian's package when missing and we are root (as findNginx does). */
export function findWrk(): string | null {
  // wrk prints its version and usage and exits 1: that it ran at all is enough.
  const found = () => !spawnSync("wrk", ["--version"], { encoding: "utf8" }).error;
  if (found()) return "wrk";
  if (process.getuid?.() !== 0) return null;
  console.log("bench: wrk not found; installing Debian's wrk (root) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "wrk"], { env, stdio: "ignore" }).status !== 0) {
    spawnSync("apt-get", ["update", "-qq"], { env, stdio: "ignore" });
    spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "wrk"], { env, stdio: "ignore" });
  }
  return found() ? "wrk" : null;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function toMs(value: string, unit: string): number {
  return Math.round(Number(value) * (UNIT_MS[unit] ?? NaN) * 100) / 100;
}

/** Reads wrk's report (run with --latency). Exported for its test. */
export function parseWrk(out: string): LoadResult {
  const num = (re: RegExp) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : 0;
  };
  const pct = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, "m").exec(out);
    return m ? toMs(m[1], m[2]) : NaN;
  };
  const maxLine = /^\s*Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s|m|h)/m.exec(out);
  const requests = num(/^\s*(\d+) requests in/m);
  const seconds = (() => {
    const m = /requests in ([\d.]+)(us|ms|s|m),/.exec(out);
    return m ? toMs(m[1], m[2]) / 1000 : 0;
  })();
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  if (!/requests in/.test(out)) throw new Error(`wrk gave no result:\n${out.slice(0, 500)}`);
  return {
    rps: Math.round(requests / Math.max(seconds, 0.001)),
    p50: pct("50"), p90: pct("90"), p99: pct("99"),
    max: maxLine ? toMs(maxLine[1], maxLine[2]) : NaN,
    requests,
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/),
    errors: socket ? socket.slice(1).reduce((n, s) => n + Number(s), 0) : 0,
  };
}

let scriptCount = 0;

/** A Lua script that walks `paths` in order, one per request, starting at `offset` for each thread. */
function rotationScript(dir: string, paths: string[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `paths-${process.pid}-${scriptCount++}.lua`);
  const list = paths.map((p) => `  ${JSON.stringify(p)},`).join("\n");
  // Threads take interleaved slices, so with several threads no path is asked for twice
  // before the list wraps (the renders run counts on that).
  writeFileSync(file, `local paths = {
${list}
}
local counter = 0
function setup(thread)
  thread:set("first", counter)
  counter = counter + 1
end
function init(args)
  nthreads = tonumber(args[1]) or 1
  i = first
end
function request()
  local p = paths[(i % #paths) + 1]
  i = i + nthreads
  return wrk.format("GET", p)
end
`);
  return file;
}

export type LoadOptions = {
  origin: string; paths: string[]; connections: number; seconds: number; threads?: number; scriptDir: string;
  /** Sent with every request (a reader's session cookie). */
  headers?: Record<string, string>;
};

/** wrk's command line for one run. Exported for its test. */
export function wrkArgs(opts: LoadOptions): string[] {
  const threads = opts.threads ?? 1;
  // wrk takes whole seconds only.
  const seconds = Math.max(1, Math.round(opts.seconds));
  const args = ["-t", String(threads), "-c", String(Math.max(opts.connections, threads)), "-d", `${seconds}s`, "--timeout", "10s", "--latency"];
  // wrk.format() in the rotation script adds these too: they are wrk.headers.
  for (const [name, value] of Object.entries(opts.headers ?? {})) args.push("-H", `${name}: ${value}`);
  if (opts.paths.length > 1) args.push("-s", rotationScript(opts.scriptDir, opts.paths));
  args.push(opts.origin + opts.paths[0]);
  if (opts.paths.length > 1) args.push("--", String(threads));
  return args;
}

/**
 * One wrk run. `paths` rotates through several URLs (search queries, pages never rendered) so
 * that one hot URL does not stand for all of them.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const args = wrkArgs(opts);
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    p.stdout.on("data", (d) => (text += d));
    p.stderr.on("data", (d) => (text += d));
    p.on("error", reject);
    p.on("close", () => resolve(text));
  });
  return parseWrk(out);
}

/** Times one request to the last byte, in ms. */
export async function timeRequest(url: string, init?: RequestInit): Promise<{ ms: number; status: number; bytes: number; headers: Headers }> {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual", ...init });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength, headers: res.headers };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}
