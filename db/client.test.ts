import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { busyTimeoutMs, DatabaseBusyError, openDb, writeTx } from "./client";

const dir = mkdtempSync(join(tmpdir(), "banmian-client-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeTx under another process's write lock", () => {
  it("gives up after the short wait the server asks for, as a DatabaseBusyError, and reads go on", () => {
    const path = join(dir, "locked.db");
    const db = openDb(path, { busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec("begin immediate");
    const t = performance.now();
    expect(() => writeTx(db, (tx) => tx.run(sql`insert into search_meta (key, value) values ('k', 'v')`))).toThrow(DatabaseBusyError);
    expect(performance.now() - t).toBeLessThan(1000);
    // WAL: a read needs no lock at all.
    expect(db.get<{ n: number }>(sql`select count(*) as n from papers`).n).toBe(0);
    other.exec("rollback");
    writeTx(db, (tx) => tx.run(sql`insert into search_meta (key, value) values ('k', 'v')`));
  });

  it("takes its wait from EPAPER_BUSY_TIMEOUT_MS, the CLI's default being five seconds", () => {
    expect(busyTimeoutMs({ EPAPER_BUSY_TIMEOUT_MS: "50" })).toBe(50);
    expect(busyTimeoutMs({})).toBe(5000);
    expect(busyTimeoutMs({ EPAPER_BUSY_TIMEOUT_MS: "soon" })).toBe(5000);
  });
});
