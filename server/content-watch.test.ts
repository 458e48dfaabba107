import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb, openDb } from "../db/client";
import { importIssue } from "../db/queries/imports";
import { setIssueStatus } from "../db/queries/issues";
import { beginSigninAttempt } from "../db/queries/throttle";
import { signinKeys } from "../lib/auth/throttle";
import { ContentWatch } from "./content-watch";

const dir = mkdtempSync(join(tmpdir(), "banmian-watch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const page = { label: "1", section: null, pieces: [{ kicker: null, title: "头条", subtitle: null, column: null, byline: null, paragraphs: ["正文。"], jumpTo: null, jumpFrom: null }] };

describe("ContentWatch", () => {
  it("follows another connection's publish, and ignores a sign-in attempt", () => {
    const path = join(dir, "a.db");
    const writer = openDb(path);
    importIssue({ paper: { slug: "t", name: "测试报" }, date: "2026-03-02", pages: [page] }, writer);
    const watch = new ContentWatch(path, { checkMs: 0 });
    const s0 = watch.stamp();
    expect(s0).toMatch(/^[0-9a-f]{16}$/);
    beginSigninAttempt(signinKeys("x@example.com", "127.0.0.1"), { email: "x@example.com", address: "127.0.0.1" }, Date.now(), writer);
    expect(watch.stamp()).toBe(s0);
    setIssueStatus({ paperSlug: "t", date: "2026-03-02", status: "published" }, writer);
    expect(watch.stamp()).not.toBe(s0);
    watch.close();
  });

  it("looks no more often than its interval, unless asked to", () => {
    const path = join(dir, "b.db");
    const writer = openDb(path);
    importIssue({ paper: { slug: "t", name: "测试报" }, date: "2026-03-02", pages: [page] }, writer);
    let now = 1000;
    const watch = new ContentWatch(path, { checkMs: 5, now: () => now });
    const s0 = watch.stamp();
    setIssueStatus({ paperSlug: "t", date: "2026-03-02", status: "published" }, writer);
    expect(watch.stamp()).toBe(s0);
    watch.checkSoon();
    expect(watch.stamp()).not.toBe(s0);
    setIssueStatus({ paperSlug: "t", date: "2026-03-02", status: "draft" }, writer);
    const s1 = watch.stamp();
    now += 5;
    expect(watch.stamp()).not.toBe(s1);
    watch.close();
  });

  it("sees a backup copied over the file, and the app's handle reopens on it", () => {
    const path = join(dir, "live.db");
    process.env.DATABASE_PATH = path;
    const app = getDb();
    importIssue({ paper: { slug: "t", name: "测试报" }, date: "2026-03-02", pages: [page] }, app);
    setIssueStatus({ paperSlug: "t", date: "2026-03-02", status: "published" }, app);
    const backup = join(dir, "backup.db");
    app.$client.exec(`vacuum into '${backup}'`);
    setIssueStatus({ paperSlug: "t", date: "2026-03-02", status: "draft" }, app);
    const watch = new ContentWatch(path, { checkMs: 0, identityMs: 0 });
    const live = watch.stamp();
    // Copied in the way a careful operator would: the old file's log is folded in first, so
    // nothing of it is applied to the new one.
    app.$client.pragma("wal_checkpoint(TRUNCATE)");
    renameSync(backup, path);
    const restored = watch.stamp();
    expect(restored).not.toBe(live);
    const status = getDb().get<{ status: string }>(sql`select status from issues`).status;
    expect(status).toBe("published");
    watch.close();
  });
});
