// Opens the SQLite database, applies pending migrations and hands out the one drizzle handle.
// Plain module (no "server-only") so that the CLI and unit tests share it with the app.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { AppError } from "../lib/errors";
import { databasePath } from "../lib/paths";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export { databasePath };

export function migrationsFolder(): string {
  return join(process.cwd(), "db", "migrations");
}

/**
 * How long a write waits for another connection's write lock. better-sqlite3 waits on the
 * thread that runs JavaScript, so in the server every millisecond here is a millisecond no
 * reader is answered: the server sets EPAPER_BUSY_TIMEOUT_MS low and answers 503 instead
 * (DatabaseBusyError). The CLI keeps the default and simply waits its turn.
 */
export function busyTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.EPAPER_BUSY_TIMEOUT_MS);
  return Number.isInteger(n) && n >= 0 ? n : 5000;
}

/** Opens (creating if needed) a database file, or ":memory:", and migrates it. */
export function openDb(path: string = databasePath(), opts: { busyTimeoutMs?: number } = {}): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // Migrating may have to wait for a CLI import; that happens once, before anyone is served.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("journal_mode = WAL");
  // WAL defaults to NORMAL, which can lose an acknowledged commit on power loss.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  sqlite.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? busyTimeoutMs()}`);
  return db;
}

type Opened = { db: Db; path: string; identity: string | null; checkedAt: number };
const globalForDb = globalThis as unknown as { __banmianDb?: Opened };

/** Which file a path names now: a backup restored by replacing the file is another file. */
export function fileIdentity(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

const IDENTITY_CHECK_MS = 500;

/**
 * The process-wide handle on DATABASE_PATH. When the file at that path is replaced (a backup
 * copied over it), the handle is reopened on the new file within IDENTITY_CHECK_MS, so the
 * server never goes on reading a file nobody else can see.
 */
export function getDb(now = Date.now()): Db {
  let opened = globalForDb.__banmianDb;
  if (opened && now - opened.checkedAt >= IDENTITY_CHECK_MS) {
    opened.checkedAt = now;
    const identity = fileIdentity(opened.path);
    if (identity !== null && identity !== opened.identity) {
      try {
        opened.db.$client.close();
      } catch {
        // Closing an abandoned file can only fail in ways that no longer matter.
      }
      opened = undefined;
    }
  }
  if (!opened) {
    const path = databasePath();
    const db = openDb(path);
    opened = { db, path, identity: fileIdentity(path), checkedAt: now };
    globalForDb.__banmianDb = opened;
  }
  return opened.db;
}

/** The next getDb() looks at the file's identity again, whatever the interval. */
export function checkDbFileSoon(): void {
  if (globalForDb.__banmianDb) globalForDb.__banmianDb.checkedAt = -Infinity;
}

/** Another connection holds the write lock and did not let go in time. Safe to retry. */
export class DatabaseBusyError extends AppError {
  readonly retryAfterSeconds = 2;
  constructor(options?: { cause?: unknown }) {
    super("busy", "系统繁忙，请稍后重试", options);
    this.name = "DatabaseBusyError";
  }
}

/** The disk holding the database is full; nothing was written. */
export class DatabaseFullError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super("storage_full", "存储空间已满，未能保存，请联系管理员", options);
    this.name = "DatabaseFullError";
  }
}

type DbErrorListener = (error: DatabaseBusyError | DatabaseFullError) => void;
// On globalThis: the server script and Next's bundle each load their own copy of this module.
const globalForListeners = globalThis as unknown as { __banmianDbErrorListeners?: Set<DbErrorListener> };
globalForListeners.__banmianDbErrorListeners ??= new Set();
const listeners = globalForListeners.__banmianDbErrorListeners;

/** Lets the HTTP server learn that the request it is serving hit a busy or full database. */
export function onDatabaseWriteError(fn: DbErrorListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** SQLite's busy and full errors as typed errors, announced to the listeners; others unchanged. */
export function classifyWriteError(e: unknown): unknown {
  const code = (e as { code?: unknown })?.code;
  let typed: DatabaseBusyError | DatabaseFullError | null = null;
  if (typeof code === "string" && (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_") || code === "SQLITE_LOCKED")) {
    typed = new DatabaseBusyError({ cause: e });
  } else if (code === "SQLITE_FULL" || code === "SQLITE_IOERR_WRITE" || (e as { code?: unknown })?.code === "ENOSPC") {
    typed = new DatabaseFullError({ cause: e });
  }
  if (!typed) return e;
  for (const fn of listeners) fn(typed);
  return typed;
}

/**
 * Runs `fn` in an IMMEDIATE transaction: the write lock is taken up front, so a
 * read-then-write never fails midway with SQLITE_BUSY_SNAPSHOT. A lock that stays taken, or a
 * full disk, comes out as DatabaseBusyError / DatabaseFullError with nothing written.
 */
export function writeTx<T>(db: Db, fn: (tx: Db) => T): T {
  try {
    return db.transaction((tx) => fn(tx as unknown as Db), { behavior: "immediate" });
  } catch (e) {
    throw classifyWriteError(e);
  }
}
