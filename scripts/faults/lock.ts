// Another process holds SQLite's write lock (BEGIN IMMEDIATE) for a while. Readers must all be
// answered quickly (they never need the lock in WAL mode, and nothing on their path writes); a
// write that cannot have the lock is answered 503 with Retry-After, not left hanging.
import { spawn } from "node:child_process";
import { load, sleep, startServer, type LoadResult, setupDb } from "./servers";

export type LockResult = { lockMs: number; baseline: LoadResult; during: LoadResult; write: { status: number; retryAfter: string | null; body: string; ms: number } };

/** A separate process that takes the write lock, says "locked", and keeps it `ms`. */
export function holdWriteLock(dbPath: string, ms: number): Promise<() => Promise<void>> {
  const code = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.exec("begin immediate");
    process.stdout.write("locked\\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec("rollback");`;
  const child = spawn(process.execPath, ["-e", code, dbPath, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.stdout!.on("data", (d) => {
      if (String(d).includes("locked")) resolve(() => new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", () => r()))));
    });
  });
}

/** A sign-in attempt: its throttle row is a write. */
export async function tryWrite(port: number) {
  const origin = `http://127.0.0.1:${port}`;
  const t = performance.now();
  const res = await fetch(`${origin}/api/signin`, {
    method: "POST",
    headers: { origin, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ email: "nobody@linlan.example", password: "not-the-password" }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.text(), ms: Math.round(performance.now() - t) };
}

export function readerUrls(port: number) {
  const origin = `http://127.0.0.1:${port}`;
  const cached = [`${origin}/linlan/2026-11-26`, `${origin}/linlan/2026-11-25/2`, `${origin}/linlan/archive/2026-11`];
  // One request in ten is a page never asked for before: rendered from the database.
  return (i: number) => (i % 10 !== 0 ? cached[i % cached.length] : `${origin}/linlan/2026-11-2${4 + (i % 3)}?n=${i}`);
}

export async function lockCase(dir: string, port: number, lockMs: number): Promise<LockResult> {
  const dbPath = setupDb(dir);
  const server = await startServer(dbPath, port);
  try {
    const urls = readerUrls(port);
    await load(urls, 1500, 4); // warm up
    const baseline = await load(urls, 3000, 4);
    const release = await holdWriteLock(dbPath, lockMs);
    const duringLoad = load(urls, lockMs - 500, 4);
    await sleep(300);
    const write = await tryWrite(port);
    const during = await duringLoad;
    await release();
    return { lockMs, baseline, during, write };
  } finally {
    await server.stop();
  }
}
