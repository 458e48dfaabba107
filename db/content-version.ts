// Reads what the content_version row (migration 0003) says, from a read-only connection of its
// own. Two numbers matter:
//  - `pragma data_version` changes whenever any other connection commits to the file (this
//    process's app, the CLI, another server instance). It costs a few microseconds, so it is the
//    cheap "did anything happen?" question;
//  - the row's `stamp` changes only when published content did (triggers), so a sign-in attempt
//    or a draft edit, which change data_version too, leave cached reader pages alone.
import Database from "better-sqlite3";

export type ContentVersionReader = {
  dataVersion(): number;
  /** The content stamp; null on a database without migration 0003. */
  stamp(): string | null;
  close(): void;
};

export function openContentVersionReader(path: string): ContentVersionReader {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  // Readers never wait for the write lock in WAL mode; this bounds the odd case that does
  // (a WAL being recovered after a crash) without holding up the event loop for long.
  db.pragma("busy_timeout = 50");
  const dataVersion = db.prepare("pragma data_version").pluck();
  let stampStmt: Database.Statement | null = null;
  return {
    dataVersion: () => dataVersion.get() as number,
    stamp: () => {
      stampStmt ??= db.prepare("select stamp from content_version where id = 1").pluck();
      return (stampStmt.get() as string | undefined) ?? null;
    },
    close: () => db.close(),
  };
}
