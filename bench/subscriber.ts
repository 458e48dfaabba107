// A subscriber's article beside an anonymous one. For the length of this step the bench paper
// becomes `archive` with only its newest issue free, so an older story is gated; the bench makes a
// reader with a live subscription and a real session (db/queries, as sign-in and an admin's grant
// would), and wrk sends that session's cookie. `/api/reader` answers are private and rendered for
// each request; the subscriber's article page is the page every reader gets, answered from the
// server's copy but private (server/http-cache.ts), which the step checks before it measures.
// Afterwards the policy is put back and the reader (with its session and subscription) deleted.
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { openDb, type Db } from "../db/client";
import * as schema from "../db/schema";
import { getAccessPolicy, readFullText, setAccessPolicy } from "../db/queries/access";
import { getPaperBySlug } from "../db/queries/papers";
import { createReader, createReaderSession, deleteReader } from "../db/queries/readers";
import { grantSubscription } from "../db/queries/subscriptions";
import { accessToday } from "../lib/access";
import { runLoad, type LoadResult } from "./load";

const COOKIE = "banmian_reader";
const PANEL = "订阅后阅读全文";

export type SubscriberRow = { key: string; name: string; who: "anonymous" | "subscriber"; path: string; load: LoadResult };

export type SubscriberBench = {
  /** The policy measured under, in words. */
  policy: string;
  rows: SubscriberRow[];
  /** SQL statements per full-text answer, counted on the bench's database (better-sqlite3 `verbose`). */
  statements: { anonymousFree: number; subscriberGated: number };
  /** What the server answered before the load runs: status and Cache-Control of each row's request. */
  seen: Record<string, { status: number; cacheControl: string | null }>;
};

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

async function get(url: string, cookie?: string) {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: res.status, cacheControl: res.headers.get("cache-control"), body: await res.text() };
}

/** Statements one readFullText answer runs, on a connection of its own to the bench's file. */
function countStatements(dbPath: string, q: { articleId: number; token: string | null }): number {
  let n = 0;
  const sqlite = new Database(dbPath, { verbose: () => n++ });
  try {
    const db = drizzle(sqlite, { schema }) as unknown as Db;
    const answer = readFullText(q, db);
    if (answer.kind !== "full") throw new Error(`counting statements: article ${q.articleId} answered ${answer.kind}`);
    return n;
  } finally {
    sqlite.close();
  }
}

export async function measureSubscriber(opts: {
  origin: string; dbPath: string; paperSlug: string;
  /** The newest issue (stays free) and one of its stories; an older issue (gated) and one of its stories. */
  free: { date: string; articleId: number };
  gated: { date: string; articleId: number };
  connections: number; seconds: number; warmSeconds: number; scriptDir: string; log: (s: string) => void;
}): Promise<SubscriberBench> {
  const db = openDb(opts.dbPath);
  const paper = getPaperBySlug(opts.paperSlug, db);
  if (!paper) throw new Error(`no paper ${opts.paperSlug}`);
  const before = getAccessPolicy(paper.id, db);
  let readerId: number | null = null;
  try {
    // The newest issue is day 1; everything older is for subscribers.
    const freeDays = Math.max(1, daysBetween(opts.free.date, accessToday()) + 1);
    setAccessPolicy(paper.id, { policy: "archive", freeDays, freePages: [], meter: 0 }, null, db);
    const now = new Date();
    const reader = createReader({ email: `bench-subscriber-${now.getTime()}@example.invalid`, passwordHash: "!no-sign-in" }, db);
    readerId = reader.id;
    grantSubscription({
      readerId, paperId: paper.id, plan: "基准测试", startsAt: new Date(now.getTime() - 86_400_000).toISOString(),
      endsAt: new Date(now.getTime() + 86_400_000).toISOString(),
    }, null, db);
    const token = createReaderSession(readerId, now, db);
    const cookie = `${COOKIE}=${token}`;

    const page = `/${opts.paperSlug}/${opts.gated.date}/article/${opts.gated.articleId}`;
    const specs: Omit<SubscriberRow, "load">[] = [
      { key: "page-anonymous", name: "article page, anonymous (opening + panel)", who: "anonymous", path: page },
      { key: "page-subscriber", name: "article page, subscriber's cookie", who: "subscriber", path: page },
      { key: "text-anonymous", name: "full text, anonymous (a free story)", who: "anonymous", path: `/api/reader/articles/${opts.free.articleId}` },
      { key: "text-subscriber", name: "full text, subscriber (a gated story)", who: "subscriber", path: `/api/reader/articles/${opts.gated.articleId}` },
    ];
    // The server follows the database's content stamp: wait until it shows the gated page.
    const t0 = performance.now();
    while (!(await get(opts.origin + page)).body.includes(PANEL)) {
      if (performance.now() - t0 > 10_000) throw new Error(`${page} never showed the panel under the archive policy`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const seen: SubscriberBench["seen"] = {};
    for (const s of specs) {
      const r = await get(opts.origin + s.path, s.who === "subscriber" ? cookie : undefined);
      seen[s.key] = { status: r.status, cacheControl: r.cacheControl };
    }
    const expectSeen = (key: string, status: number, cacheControl: RegExp) => {
      const s = seen[key];
      if (s.status !== status || !cacheControl.test(s.cacheControl ?? "")) {
        throw new Error(`${key}: answered ${s.status} with Cache-Control ${s.cacheControl}, expected ${status} and ${cacheControl}`);
      }
    };
    expectSeen("page-anonymous", 200, /^public/);
    expectSeen("page-subscriber", 200, /^private, no-store$/);
    expectSeen("text-anonymous", 200, /^private, no-store$/);
    expectSeen("text-subscriber", 200, /^private, no-store$/);
    const anonymousGated = await get(`${opts.origin}/api/reader/articles/${opts.gated.articleId}`);
    if (anonymousGated.status !== 401) throw new Error(`the gated story answered ${anonymousGated.status} to an anonymous reader`);

    const statements = {
      anonymousFree: countStatements(opts.dbPath, { articleId: opts.free.articleId, token: null }),
      subscriberGated: countStatements(opts.dbPath, { articleId: opts.gated.articleId, token }),
    };
    opts.log(`subscriber: SQL statements per full-text answer: anonymous (free story) ${statements.anonymousFree}, subscriber (gated story) ${statements.subscriberGated}`);

    const rows: SubscriberRow[] = [];
    for (const s of specs) {
      const load = {
        origin: opts.origin, paths: [s.path], connections: opts.connections, scriptDir: opts.scriptDir,
        headers: s.who === "subscriber" ? { cookie } : undefined,
      };
      await runLoad({ ...load, seconds: opts.warmSeconds });
      const result = await runLoad({ ...load, seconds: opts.seconds });
      rows.push({ ...s, load: result });
      opts.log(`subscriber: ${s.name}: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.non2xx || result.errors ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : ""}`);
    }
    return { policy: `archive, newest ${freeDays} day(s) free (only the newest issue): the story of ${opts.gated.date} is gated`, rows, statements, seen };
  } finally {
    setAccessPolicy(paper.id, before, null, db);
    if (readerId !== null) deleteReader(readerId, db);
    db.$client.close();
  }
}
