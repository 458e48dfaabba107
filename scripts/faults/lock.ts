// Another process holds SQLite's write lock (BEGIN IMMEDIATE) for a while. Readers must all be
// answered quickly (they never need the lock in WAL mode, and nothing on their path writes); a
// write that cannot have the lock is answered 503 with Retry-After, not left hanging.
import { spawn } from "node:child_process";
import { load, sleep, startServer, type LoadResult, setupDb } from "./servers";

type Split = { cached: LoadResult; rendered: LoadResult };
export type LockResult = { lockMs: number; baseline: Split; during: Split; write: { status: number; retryAfter: string | null; body: string; ms: number } };

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
  const send = () => fetch(`${origin}/api/signin`, {
    method: "POST",
    headers: { origin, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ email: "nobody@linlan.example", password: "not-the-password" }),
    signal: AbortSignal.timeout(10_000),
  });
  // Once more on a kept-alive connection the server had closed meanwhile.
  const res = await send().catch(send);
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.text(), ms: Math.round(performance.now() - t) };
}

/** Readers of kept pages (three at a time) beside one reader of pages never asked for before. */
function readers(port: number, ms: number): Promise<Split> {
  const origin = `http://127.0.0.1:${port}`;
  const cached = [`${origin}/linlan/2026-11-26`, `${origin}/linlan/2026-11-25/2`, `${origin}/linlan/archive/2026-11`];
  const fresh = (i: number) => `${origin}/linlan/2026-11-2${4 + (i % 3)}?n=${Date.now()}-${i}`;
  return Promise.all([load(cached, ms, 3), load(fresh, ms, 1)]).then(([c, r]) => ({ cached: c, rendered: r }));
}

export async function lockCase(dir: string, port: number, lockMs: number): Promise<LockResult> {
  const dbPath = setupDb(dir);
  const server = await startServer(dbPath, port);
  try {
    await readers(port, 1500); // warm up
    const baseline = await readers(port, 3000);
    const release = await holdWriteLock(dbPath, lockMs);
    const duringLoad = readers(port, lockMs - 500);
    await sleep(300);
    const write = await tryWrite(port);
    const during = await duringLoad;
    await release();
    return { lockMs, baseline, during, write };
  } finally {
    await server.stop();
  }
}
