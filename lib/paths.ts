// Where Banmian keeps its files: the database (DATABASE_PATH), and beside it the uploads and the
// generated signing secret. One definition, so the server, the CLI and the tests agree.
import { dirname, join, resolve } from "node:path";

export const DEFAULT_DATABASE_PATH = "./data/epaper.db";

export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  // A runtime path, not a file the build should trace (Turbopack would otherwise trace the whole project).
  return resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** The folder that holds the database, its media and its secret. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return dirname(databasePath(env));
}

// Runtime paths like the database's: not files the build should trace.
export const mediaDir = (): string => join(/*turbopackIgnore: true*/ dataDir(), "media");
