// What a reader's full text costs the database, counted on a real SQLite file: better-sqlite3's
// `verbose` hook sees every statement the connection executes. A subscriber's story may cost at
// most one statement more than the same answer for an anonymous reader of a free story.
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../client";
import * as schema from "../schema";
import { articles, issues, pages, papers, pieces, readers, subscriptions } from "../schema";
import { getMediaAccess, getPagesAccess, readFullText, setAccessPolicy, type FullTextAnswer } from "./access";
import { createReaderSession } from "./readers";

const NOW = new Date("2026-11-26T04:00:00Z"); // 12:00 in Beijing, 2026-11-26
const NEW_STORY = 1; // in the 2026-11-26 issue: free under "archive, 7 days"
const OLD_STORY = 2; // in the 2026-01-05 issue, across two pages: subscribers only
const OLD_OTHER = 3;
const DEEP = "灯塔守夜人的日记";
const JUMPED = "续在二版的结尾";

let dir = "";
let counting: Db;
let statements: string[] = [];
const tokens: Record<"subscriber" | "member" | "expired", string> = { subscriber: "", member: "", expired: "" };

function seed(db: Db) {
  db.insert(papers).values({ id: 1, slug: "haiyan", name: "海晏日报" }).run();
  db.insert(issues).values([
    { id: 1, paperId: 1, date: "2026-11-26", status: "published" },
    { id: 2, paperId: 1, date: "2026-01-05", status: "published" },
  ]).run();
  db.insert(pages).values([
    { id: 1, issueId: 1, label: "1", position: 0, imagePath: "/media/new.webp" },
    { id: 2, issueId: 2, label: "1", position: 0, imagePath: "/media/old.webp", pdfPath: "/media/old.pdf" },
    { id: 3, issueId: 2, label: "2", position: 1 },
  ]).run();
  db.insert(articles).values([{ id: NEW_STORY, issueId: 1 }, { id: OLD_STORY, issueId: 2 }, { id: OLD_OTHER, issueId: 2 }]).run();
  db.insert(pieces).values([
    { articleId: NEW_STORY, pageId: 1, seq: 0, position: 0, paragraphs: ["今天的新闻", DEEP] },
    { articleId: OLD_STORY, pageId: 2, seq: 0, position: 0, paragraphs: ["去年的新闻", DEEP] },
    { articleId: OLD_STORY, pageId: 3, seq: 1, position: 0, paragraphs: [JUMPED] },
    { articleId: OLD_OTHER, pageId: 2, seq: 0, position: 1, paragraphs: ["另一篇"] },
  ]).run();
  db.insert(readers).values([
    { id: 1, email: "sub@example.com", passwordHash: "x" },
    { id: 2, email: "member@example.com", passwordHash: "x" },
    { id: 3, email: "lapsed@example.com", passwordHash: "x" },
  ]).run();
  db.insert(subscriptions).values([
    { readerId: 1, paperId: 1, plan: "年度", startsAt: "2026-01-01T00:00:00.000Z", endsAt: "2027-01-01T00:00:00.000Z", source: "admin" },
    { readerId: 3, paperId: 1, plan: "年度", startsAt: "2024-01-01T00:00:00.000Z", endsAt: "2025-01-01T00:00:00.000Z", source: "admin" },
  ]).run();
  tokens.subscriber = createReaderSession(1, NOW, db);
  tokens.member = createReaderSession(2, NOW, db);
  tokens.expired = createReaderSession(3, NOW, db);
  setAccessPolicy(1, { policy: "archive", freeDays: 7, freePages: [], meter: 0 }, null, db);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "banmian-reads-"));
  const file = join(dir, "epaper.db");
  const setup = openDb(file);
  seed(setup);
  setup.$client.close();
  // A second connection on the same file, as the server has: every statement it runs is counted.
  const sqlite = new Database(file, { verbose: (sql) => statements.push(String(sql)) });
  counting = drizzle(sqlite, { schema }) as Db;
});

afterAll(() => {
  counting?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function counted(q: { articleId: number; token: string | null }): { answer: FullTextAnswer; sql: string[] } {
  statements = [];
  const answer = readFullText({ ...q, now: NOW }, counting);
  return { answer, sql: statements };
}

const textOf = (a: FullTextAnswer) => (a.kind === "full" ? a.article.pieces.flatMap((p) => p.paragraphs) : []);

describe("a reader's full text, statement by statement", () => {
  it("costs a subscriber at most one statement more than an anonymous reader's free story", () => {
    const anonymous = counted({ articleId: NEW_STORY, token: null });
    expect(anonymous.answer.kind).toBe("full");
    expect(textOf(anonymous.answer)).toContain(DEEP);
    expect(anonymous.sql.length).toBeGreaterThan(0); // the counter sees the reads

    const subscriber = counted({ articleId: OLD_STORY, token: tokens.subscriber });
    expect(subscriber.answer.kind).toBe("full");
    expect(textOf(subscriber.answer)).toEqual(["去年的新闻", DEEP, JUMPED]);
    expect(subscriber.sql.length, subscriber.sql.join("\n")).toBeLessThanOrEqual(anonymous.sql.length + 1);
    expect(subscriber.sql.every((s) => /^\s*select/i.test(s)), "a subscriber's read writes nothing").toBe(true);
  });

  it("refuses the gated story to the anonymous, a signed-in non-subscriber and an expired subscriber", () => {
    expect(counted({ articleId: OLD_STORY, token: null }).answer).toEqual({ kind: "denied", signedIn: false });
    expect(counted({ articleId: OLD_STORY, token: "not-a-session" }).answer).toEqual({ kind: "denied", signedIn: false });
    const member = counted({ articleId: OLD_STORY, token: tokens.member });
    expect(member.answer).toEqual({ kind: "denied", signedIn: true, meterLeft: 0 });
    const expired = counted({ articleId: OLD_STORY, token: tokens.expired });
    expect(expired.answer).toEqual({ kind: "denied", signedIn: true, meterLeft: 0 });
    expect(expired.sql.length).toBeLessThanOrEqual(2);
  });

  it("answers the free story to everyone without asking who they are", () => {
    for (const token of [null, tokens.member, tokens.expired, tokens.subscriber]) {
      const r = counted({ articleId: NEW_STORY, token });
      expect(r.answer.kind).toBe("full");
      expect(r.sql.some((s) => /reader_sessions/.test(s))).toBe(false);
    }
  });

  it("knows no draft's or unknown article", () => {
    expect(counted({ articleId: 999, token: tokens.subscriber }).answer).toEqual({ kind: "missing" });
  });

  it("a meter lets a member read one gated story a month, again for free, and then no other", () => {
    setAccessPolicy(1, { policy: "archive", freeDays: 7, freePages: [], meter: 1 }, null, counting);
    try {
      const first = counted({ articleId: OLD_STORY, token: tokens.member });
      expect(first.answer.kind).toBe("full");
      const again = counted({ articleId: OLD_STORY, token: tokens.member });
      expect(again.answer.kind).toBe("full");
      expect(again.sql.every((s) => /^\s*select/i.test(s)), "a story already counted is not counted again").toBe(true);
      expect(counted({ articleId: OLD_OTHER, token: tokens.member }).answer).toEqual({ kind: "denied", signedIn: true, meterLeft: 0 });
      // The subscriber never touches the meter.
      expect(counted({ articleId: OLD_OTHER, token: tokens.subscriber }).answer.kind).toBe("full");
      expect(counted({ articleId: OLD_OTHER, token: null }).answer).toEqual({ kind: "denied", signedIn: false });
    } finally {
      setAccessPolicy(1, { policy: "archive", freeDays: 7, freePages: [], meter: 0 }, null, counting);
    }
  });

  it("under subscribers-only with the front page free, a story starting there is free, its jump included", () => {
    setAccessPolicy(1, { policy: "subscribers", freeDays: 0, freePages: ["1"], meter: 0 }, null, counting);
    try {
      const r = counted({ articleId: OLD_STORY, token: null });
      expect(textOf(r.answer)).toContain(JUMPED);
      expect(r.sql.length).toBe(1);
    } finally {
      setAccessPolicy(1, { policy: "archive", freeDays: 7, freePages: [], meter: 0 }, null, counting);
    }
  });
});

/** Statements `fn` runs on the counting connection, with its answer. */
function count<T>(fn: (db: Db) => T): { answer: T; sql: string[] } {
  statements = [];
  const answer = fn(counting);
  return { answer, sql: statements };
}

describe("a page's scan, PDF, ALTO and the whole issue, statement by statement", () => {
  const who = [["anonymous", null], ["member", "member"], ["expired", "expired"], ["subscriber", "subscriber"]] as const;
  const tokenOf = (k: (typeof who)[number][1]) => (k ? tokens[k] : null);

  it("a stored scan or page PDF: a subscriber costs one statement more than an anonymous reader", () => {
    const free = count((db) => getMediaAccess("/media/new.webp", null, NOW, db));
    expect(free.answer).toBe("public");
    for (const [name, k] of who) {
      const r = count((db) => getMediaAccess("/media/old.pdf", tokenOf(k), NOW, db));
      expect(r.answer, name).toBe(name === "subscriber" ? "private" : "denied");
      expect(r.sql.length, `${name}: ${r.sql.join("\n")}`).toBeLessThanOrEqual(free.sql.length + 1);
    }
    expect(count((db) => getMediaAccess("/media/unknown.webp", tokens.subscriber, NOW, db)).answer).toBeNull();
  });

  it("ALTO of one page and the PDF of a whole issue: the policy, then the reader's standing only when gated", () => {
    const free = count((db) => getPagesAccess({ paperId: 1, issueDate: "2026-11-26", labels: ["1"], token: tokens.subscriber, now: NOW }, db));
    expect(free.answer).toBe("public");
    expect(free.sql.some((q) => /reader_sessions/.test(q))).toBe(false);
    for (const [name, k] of who) {
      const r = count((db) => getPagesAccess({ paperId: 1, issueDate: "2026-01-05", labels: ["1", "2"], token: tokenOf(k), now: NOW }, db));
      expect(r.answer, name).toBe(name === "subscriber" ? "private" : "denied");
      expect(r.sql.length, `${name}: ${r.sql.join("\n")}`).toBeLessThanOrEqual(free.sql.length + 1);
    }
  });
});
