import { describe, expect, it } from "vitest";
import { openDb } from "../client";
import { activationCodes, articles, auditLog, issues, papers, readerSessions, subscriptions } from "../schema";
import {
  createReader, createReaderSession, deleteReader, getSessionReader, ReaderExistsError, setReaderPassword,
} from "./readers";
import { continueReading, listBookmarks, listHistory, recordRead, saveReaderPrefs, setBookmark, getReaderPrefs } from "./reader-library";
import { createCodeBatch, redeemCode } from "./codes";

const NOW = new Date("2026-11-26T04:00:00Z");

function setup() {
  const db = openDb(":memory:");
  db.insert(papers).values({ id: 1, slug: "linlan", name: "临澜日报" }).run();
  db.insert(issues).values([{ id: 1, paperId: 1, date: "2026-11-26", status: "published" }, { id: 2, paperId: 1, date: "2026-11-27", status: "draft" }]).run();
  db.insert(articles).values([{ id: 1, issueId: 1, title: "甲" }, { id: 2, issueId: 1, title: "乙" }, { id: 3, issueId: 2, title: "草稿" }]).run();
  return db;
}

describe("reader accounts and sessions", () => {
  it("one account per email, whatever its case", () => {
    const db = setup();
    createReader({ email: "Reader@Example.com", passwordHash: "h" }, db);
    expect(() => createReader({ email: " reader@example.com ", passwordHash: "h" }, db)).toThrow(ReaderExistsError);
  });

  it("a session token works until it expires, and only its hash is stored", () => {
    const db = setup();
    const r = createReader({ email: "r@example.com", passwordHash: "h" }, db);
    const token = createReaderSession(r.id, NOW, db);
    expect(getSessionReader(token, NOW, db)?.email).toBe("r@example.com");
    expect(getSessionReader(token, new Date(NOW.getTime() + 31 * 86_400_000), db)).toBeNull();
    expect(getSessionReader(token + "x", NOW, db)).toBeNull();
    expect(db.select().from(readerSessions).all().map((s) => s.tokenHash)).not.toContain(token);
  });

  it("a new password ends every other session", () => {
    const db = setup();
    const r = createReader({ email: "r@example.com", passwordHash: "h" }, db);
    const keep = createReaderSession(r.id, NOW, db);
    const other = createReaderSession(r.id, NOW, db);
    setReaderPassword(r.id, "h2", keep, db);
    expect(getSessionReader(keep, NOW, db)).not.toBeNull();
    expect(getSessionReader(other, NOW, db)).toBeNull();
  });

  it("deleting the account deletes what it kept; a code it used stays used", () => {
    const db = setup();
    const r = createReader({ email: "r@example.com", passwordHash: "h" }, db);
    const token = createReaderSession(r.id, NOW, db);
    const { codes } = createCodeBatch({ paperId: 1, plan: "p", days: 30, count: 1, redeemBy: "2030-01-01T00:00:00.000Z" }, null, db);
    expect(redeemCode({ code: codes[0], readerId: r.id, now: NOW }, db).ok).toBe(true);
    setBookmark(r.id, 1, true, NOW, db);
    recordRead(r.id, 1, 0.5, NOW, db);
    saveReaderPrefs(r.id, { "banmian:font-scale": "1.25" }, NOW, db);
    deleteReader(r.id, db);
    expect(getSessionReader(token, NOW, db)).toBeNull();
    expect(listBookmarks(r.id, 10, db)).toEqual([]);
    expect(listHistory(r.id, 10, db)).toEqual([]);
    expect(getReaderPrefs(r.id, db)).toBeNull();
    expect(db.select().from(subscriptions).all()).toEqual([]);
    expect(db.select().from(activationCodes).all()[0].usedAt).not.toBeNull();
    expect(db.select().from(auditLog).all().map((a) => a.action)).toContain("reader.delete");
  });
});

describe("what a reader keeps", () => {
  it("收藏 lists published articles only, newest first, once each", () => {
    const db = setup();
    const r = createReader({ email: "r@example.com", passwordHash: "h" }, db);
    setBookmark(r.id, 1, true, new Date("2026-11-26T01:00:00Z"), db);
    setBookmark(r.id, 2, true, new Date("2026-11-26T02:00:00Z"), db);
    setBookmark(r.id, 2, true, new Date("2026-11-26T03:00:00Z"), db);
    setBookmark(r.id, 3, true, NOW, db);
    expect(listBookmarks(r.id, 10, db).map((b) => b.articleId)).toEqual([2, 1]);
    setBookmark(r.id, 2, false, NOW, db);
    expect(listBookmarks(r.id, 10, db).map((b) => b.articleId)).toEqual([1]);
  });

  it("history keeps the furthest point; 继续阅读 is the latest story not finished", () => {
    const db = setup();
    const r = createReader({ email: "r@example.com", passwordHash: "h" }, db);
    recordRead(r.id, 1, 0.4, new Date("2026-11-26T01:00:00Z"), db);
    recordRead(r.id, 2, 1, new Date("2026-11-26T02:00:00Z"), db);
    recordRead(r.id, 1, 0.1, new Date("2026-11-26T00:30:00Z"), db);
    expect(listHistory(r.id, 10, db).find((h) => h.articleId === 1)?.progress).toBe(0.4);
    expect(continueReading(r.id, db)?.articleId).toBe(1);
  });
});
