// A newcomer's first minutes, timed: `git clone` of this repository's HEAD, `npm ci`, then
// `npm start` (which builds, migrates and seeds) until the first page is served. Also the
// longest stretch `npm ci` printed nothing, which is what a newcomer waits through wondering.
// `npx tsx bench/fresh-clone.ts [--port N]` or `npm run bench -- --fresh-clone`; writes
// bench/tmp/fresh-clone.md, which bench/results.md includes. Takes minutes and the network
// (npm's registry); loopback only for the server.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(import.meta.dirname, "..");

type Step = { name: string; seconds: number; longestSilenceS: number; ok: boolean; note: string };

/** Runs a command, timing it and the longest gap between two pieces of its output. */
function timed(name: string, cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string>; until?: () => Promise<boolean> }): Promise<Step> {
  return new Promise((done) => {
    const t0 = performance.now();
    let last = t0;
    let silence = 0;
    let tail = "";
    const p = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
    const onData = (d: Buffer) => {
      const now = performance.now();
      silence = Math.max(silence, now - last);
      last = now;
      tail = (tail + d.toString()).slice(-400);
    };
    p.stdout.on("data", onData);
    p.stderr.on("data", onData);
    const finish = (ok: boolean, note: string) => {
      const now = performance.now();
      done({ name, seconds: Math.round((now - t0) / 100) / 10, longestSilenceS: Math.round(Math.max(silence, now - last) / 100) / 10, ok, note });
    };
    if (opts.until) {
      // A server: done when `until` says so, then stopped.
      const poll = setInterval(async () => {
        if (await opts.until!().catch(() => false)) {
          clearInterval(poll);
          p.kill("SIGTERM");
          finish(true, "");
        }
      }, 100);
      p.on("exit", (code) => {
        clearInterval(poll);
        finish(false, `exited with ${code}: ${tail.trim().split("\n").pop()}`);
      });
    } else {
      p.on("exit", (code) => finish(code === 0, code === 0 ? "" : `exit ${code}: ${tail.trim().split("\n").pop()}`));
    }
  });
}

export async function freshClone(port: number): Promise<{ steps: Step[]; markdown: string }> {
  const dir = mkdtempSync(join(tmpdir(), "banmian-clone-"));
  const before = loadavg().map((x) => Math.round(x * 100) / 100);
  const steps: Step[] = [];
  // Each step is printed as it ends, so a run cut short still says how far it got.
  const step = (s: Step) => {
    steps.push(s);
    console.log(`fresh clone: ${s.name}: ${s.seconds} s (longest silence ${s.longestSilenceS} s)${s.ok ? "" : ` FAILED ${s.note}`}`);
    return s.ok;
  };
  try {
    if (!step(await timed("git clone", "git", ["clone", "--quiet", ROOT, dir], { cwd: tmpdir() }))) throw new Error("git clone failed");
    if (!step(await timed("npm ci", "npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir }))) throw new Error("npm ci failed");
    const page = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(3000) });
      await res.arrayBuffer();
      return res.status < 400;
    };
    step(await timed("npm start until the first page (build, migrate, seed, serve)", "npm", ["start"], {
      cwd: dir, env: { PORT: String(port), LISTEN_HOST: "127.0.0.1" }, until: page,
    }));
  } catch (e) {
    console.log(`fresh clone: stopped: ${(e as Error).message}`);
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
  const after = loadavg().map((x) => Math.round(x * 100) / 100);
  const total = steps.reduce((n, s) => n + s.seconds, 0);
  const md = [
    `Measured on ${new Date().toISOString()}; load average before ${before.join(" / ")}, after ${after.join(" / ")}.`, "",
    "| step | seconds | longest silence (s) | |", "|---|---:|---:|---|",
    ...steps.map((s) => `| ${s.name} | ${s.seconds} | ${s.longestSilenceS} | ${s.ok ? "ok" : `FAILED ${s.note}`} |`),
    `| **clone → first page** | **${Math.round(total)}** | | |`, "",
    "`npm ci` is silent while better-sqlite3 compiles from source (its prebuilt binary is not reachable here): that is the longest silence above.",
  ].join("\n");
  return { steps, markdown: md };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "3650" } } });
  freshClone(Number(values.port)).then(({ markdown }) => {
    mkdirSync(join(ROOT, "bench", "tmp"), { recursive: true });
    writeFileSync(join(ROOT, "bench", "tmp", "fresh-clone.md"), markdown + "\n");
    console.log(markdown);
  });
}
