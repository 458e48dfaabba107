// Opens the SQLite database, applies pending migrations and hands out the one drizzle handle.
// Plain module (no "server-only") so that the CLI and unit tests share it with the app.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  // A runtime path, not a file the build should trace (Turbopack would otherwise trace the whole project).
  return resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || "./data/epaper.db");
}

export function migrationsFolder(): string {
  return join(process.cwd(), "db", "migrations");
}

/** Opens (creating if needed) a database file, or ":memory:", and migrates it. */
export function openDb(path: string = databasePath()): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  // WAL defaults to NORMAL, which can lose an acknowledged commit on power loss.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

const globalForDb = globalThis as unknown as { __banmianDb?: Db };

/** The process-wide handle on DATABASE_PATH. */
export function getDb(): Db {
  globalForDb.__banmianDb ??= openDb();
  return globalForDb.__banmianDb;
}

/**
 * Runs `fn` in an IMMEDIATE transaction: the write lock is taken up front, so a
 * read-then-write never fails midway with SQLITE_BUSY_SNAPSHOT.
 */
export function writeTx<T>(db: Db, fn: (tx: Db) => T): T {
  return db.transaction((tx) => fn(tx as unknown as Db), { behavior: "immediate" });
}
