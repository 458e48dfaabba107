// What a CDN sees: caching headers, 304s, private routes; and how fast a publish or unpublish
// reaches readers through the server's caches.
import { openDb } from "../db/client";
import { setIssueStatus } from "../db/queries/issues";

export type CachingCheck = {
  reader: { status: number; cacheControl: string | null; etag: string | null; nextCache: string | null; notModified: boolean; responseCache: string | null };
  signin: { status: number; cacheControl: string | null };
  admin: { status: number; cacheControl: string | null };
};

export async function checkCaching(origin: string, readerPath: string): Promise<CachingCheck> {
  const first = await fetch(origin + readerPath);
  await first.arrayBuffer();
  const second = await fetch(origin + readerPath);
  await second.arrayBuffer();
  const etag = second.headers.get("etag");
  const conditional = etag ? await fetch(origin + readerPath, { headers: { "if-none-match": etag } }) : null;
  await conditional?.arrayBuffer();
  const signin = await fetch(origin + "/signin", { redirect: "manual" });
  await signin.arrayBuffer();
  const admin = await fetch(origin + "/admin", { redirect: "manual" });
  await admin.arrayBuffer();
  return {
    reader: {
      status: second.status, cacheControl: second.headers.get("cache-control"), etag,
      nextCache: first.headers.get("x-nextjs-cache"), notModified: conditional?.status === 304,
      responseCache: second.headers.get("x-response-cache"),
    },
    signin: { status: signin.status, cacheControl: signin.headers.get("cache-control") },
    admin: { status: admin.status, cacheControl: admin.headers.get("cache-control") },
  };
}

async function pollUntil(url: string, wanted: number, timeoutMs: number): Promise<number | null> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status === wanted) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 10));
  }
  return null;
}

export type InvalidationCheck = { unpublishMs: number | null; republishMs: number | null };

/**
 * Unpublishes the benchmarked issue the way the CLI does (a write to the database, nothing
 * else: servers follow its content stamp), and times until the hot, cached front page answers
 * 404; then publishes it again and times until it is back.
 */
export async function checkInvalidation(opts: { origin: string; dbPath: string; paper: string; date: string; path: string }): Promise<InvalidationCheck> {
  const db = openDb(opts.dbPath);
  try {
    const url = opts.origin + opts.path;
    for (let i = 0; i < 3; i++) await (await fetch(url)).arrayBuffer();
    const t0 = performance.now();
    setIssueStatus({ paperSlug: opts.paper, date: opts.date, status: "draft" }, db);
    const gone = await pollUntil(url, 404, 5000);
    const unpublishMs = gone === null ? null : Math.round(performance.now() - t0);
    const t1 = performance.now();
    setIssueStatus({ paperSlug: opts.paper, date: opts.date, status: "published" }, db);
    const back = await pollUntil(url, 200, 5000);
    const republishMs = back === null ? null : Math.round(performance.now() - t1);
    return { unpublishMs, republishMs };
  } finally {
    db.$client.close();
  }
}
