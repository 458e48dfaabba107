import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "./client";
import { openContentVersionReader } from "./content-version";
import { importIssue } from "./queries/imports";
import { setIssueStatus } from "./queries/issues";
import { beginSigninAttempt } from "./queries/throttle";
import { signinKeys } from "../lib/auth/throttle";
import { pieces } from "./schema";

// Tables whose rows readers never see. Every other table is content and must change the stamp.
// A new table belongs in one list or the other; this test fails until it is in one.
const NOT_CONTENT = new Set([
  "__drizzle_migrations", "content_version", "users", "sessions", "signin_throttle", "audit_log", "search_meta",
  // Readers' own rows: a subscriber's full text is never cached, so these never change a cached page.
  "readers", "reader_sessions", "subscriptions", "code_batches", "activation_codes",
  "reader_bookmarks", "reader_history", "reader_prefs", "reader_meter",
]);
const isShadow = (name: string) => name.startsWith("search_fts") || name.startsWith("sqlite_");

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
function tempDb(): { path: string; db: Db } {
  const dir = mkdtempSync(join(tmpdir(), "banmian-cv-"));
  dirs.push(dir);
  const path = join(dir, "epaper.db");
  return { path, db: openDb(path) };
}

const stampOf = (db: Db) => db.get<{ stamp: string }>(sql`select stamp from content_version`).stamp;
const page = (label: string, title: string) => ({
  label, section: null, pieces: [{ kicker: null, title, subtitle: null, column: null, byline: null, paragraphs: ["正文。"], jumpTo: null, jumpFrom: null }],
});

describe("the content stamp", () => {
  it("has insert, update and delete triggers on every table readers can see", () => {
    const db = openDb(":memory:");
    const tables = db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table'`).map((t) => t.name)
      .filter((n) => !NOT_CONTENT.has(n) && !isShadow(n));
    expect(tables.length).toBeGreaterThan(4);
    const triggers = db.all<{ tbl_name: string; sql: string }>(sql`select tbl_name, sql from sqlite_master where type = 'trigger'`)
      .filter((t) => /update `content_version`/i.test(t.sql));
    for (const table of tables) {
      for (const event of ["INSERT", "UPDATE", "DELETE"]) {
        const has = triggers.some((t) => t.tbl_name === table && new RegExp(`AFTER ${event} ON`, "i").test(t.sql));
        expect(has, `${table} ${event}`).toBe(true);
      }
    }
  });

  it("changes with published content only: not with drafts, nor with a sign-in attempt", () => {
    const db = openDb(":memory:");
    importIssue({ paper: { slug: "t", name: "测试报" }, date: "2026-03-02", pages: [page("1", "旧闻")] }, db);
    const s0 = stampOf(db);
    importIssue({ paper: { slug: "t", name: "测试报" }, date: "2026-03-03", pages: [page("1", "草稿"), page("2", "草稿二")] }, db);
    db.update(pieces).set({ paragraphs: ["改过的草稿"] }).run();
    beginSigninAttempt(signinKeys("x@example.com", "127.0.0.1"), { email: "x@example.com", address: "127.0.0.1" }, Date.now(), db);
    expect(stampOf(db)).toBe(s0);

    setIssueStatus({ paperSlug: "t", date: "2026-03-03", status: "published" }, db);
    const s1 = stampOf(db);
    expect(s1).not.toBe(s0);
    db.run(sql`update pieces set paragraphs = '["更正"]' where id = (select max(id) from pieces)`);
    const s2 = stampOf(db);
    expect(s2).not.toBe(s1);
    setIssueStatus({ paperSlug: "t", date: "2026-03-03", status: "draft" }, db);
    expect(stampOf(db)).not.toBe(s2);
  });

  it("is seen by another connection, as a backup restored through SQLite brings its own stamp back", async () => {
    const { path, db } = tempDb();
    importIssue({ paper: { slug: "t", name: "测试报" }, date: "2026-03-02", pages: [page("1", "一")] }, db);
    setIssueStatus({ paperSlug: "t", date: "2026-03-02", status: "published" }, db);
    const backupStamp = stampOf(db);
    const backupPath = join(path, "..", "backup.db");
    db.$client.exec(`vacuum into '${backupPath}'`);
    const reader = openContentVersionReader(path);
    const dv = reader.dataVersion();
    expect(reader.stamp()).toBe(backupStamp);

    setIssueStatus({ paperSlug: "t", date: "2026-03-02", status: "draft" }, db);
    expect(reader.dataVersion()).not.toBe(dv);
    expect(reader.stamp()).not.toBe(backupStamp);

    // An online restore (sqlite3's .restore: the backup API) goes through SQLite's locks and
    // fires no trigger: every connection sees the backup's own stamp.
    const source = new Database(backupPath, { readonly: true });
    await source.backup(path);
    source.close();
    expect(reader.stamp()).toBe(backupStamp);
    reader.close();
  });

  it("of a file replaced under its path is the new file's", () => {
    const { path, db } = tempDb();
    importIssue({ paper: { slug: "t", name: "测试报" }, date: "2026-03-02", pages: [page("1", "一")] }, db);
    const other = join(path, "..", "other.db");
    db.$client.exec(`vacuum into '${other}'`);
    setIssueStatus({ paperSlug: "t", date: "2026-03-02", status: "published" }, db);
    const otherStamp = new Database(other, { readonly: true }).prepare("select stamp from content_version").pluck().get();
    expect(stampOf(db)).not.toBe(otherStamp);
    db.$client.close();
    renameSync(other, path);
    const reader = openContentVersionReader(path);
    expect(reader.stamp()).toBe(otherStamp);
    reader.close();
  });
});
