import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDb, writeTx, type Db } from "../client";
import { DEMO_ISSUES } from "../seed";
import { importIssue } from "./imports";
import { setIssueStatus } from "./issues";
import { getPaperBySlug } from "./papers";
import { ensureSearchIndex, indexIssue, searchArticles } from "./search";
import { parseQuery } from "../../lib/search/query";
import type { IssueInput } from "../../lib/import-types";

const [_issue24, _issue25, issue26] = DEMO_ISSUES;

function find(db: Db, q: string, filters: Omit<Parameters<typeof searchArticles>[0], "match" | "terms"> = {}) {
  const { match, terms } = parseQuery(q);
  return searchArticles({ match: match!, terms, ...filters }, db);
}
const titles = (r: ReturnType<typeof find>) => r.hits.map((h) => h.title);
const ftsRows = (db: Db) => db.get<{ n: number }>(sql`select count(*) as n from search_fts`)!.n;

function demoDb(issues: IssueInput[] = DEMO_ISSUES) {
  const db = openDb(":memory:");
  for (const issue of issues) importIssue(issue, db);
  return db;
}

describe("the search index follows publishing", () => {
  it("finds a two-character word of a published demo issue, with page and highlighted snippet", () => {
    const db = demoDb([issue26]);
    const r = find(db, "外贸");
    expect(r.total).toBeGreaterThan(0);
    const hit = r.hits[0];
    expect(hit).toMatchObject({ paper: { slug: "linlan", name: "临澜日报" }, date: "2026-11-26" });
    expect(hit.pageLabel).toMatch(/^\d+$/);
    expect(hit.snippet.some((s) => s.hit && s.text === "外贸")).toBe(true);
  });

  it("finds Latin terms whatever their case", () => {
    const db = demoDb();
    expect(find(db, "app").total).toBeGreaterThan(0);
    expect(find(db, "k36").total).toBeGreaterThan(0);
    expect(find(db, "K36路").total).toBeGreaterThan(0);
  });

  it("never finds a draft, and finds it once published, then not once unpublished", () => {
    const db = demoDb([{ ...issue26, publish: false }]);
    expect(find(db, "外贸").total).toBe(0);
    setIssueStatus({ paperSlug: "linlan", date: "2026-11-26", status: "published" }, db);
    expect(find(db, "外贸").total).toBeGreaterThan(0);
    setIssueStatus({ paperSlug: "linlan", date: "2026-11-26", status: "draft" }, db);
    expect(find(db, "外贸").total).toBe(0);
    expect(ftsRows(db)).toBe(0);
  });

  it("reindexes when pages of a published issue are imported again", () => {
    const db = demoDb([issue26]);
    const page = issue26.pages[1];
    const edited = { ...page, pieces: page.pieces.map((p, i) => (i === 0 ? { ...p, paragraphs: [...p.paragraphs, "新增一段：量子纠缠实验室落户临澜。"] } : p)) };
    importIssue({ paper: issue26.paper, date: issue26.date, pages: [edited] }, db);
    expect(find(db, "量子纠缠").total).toBe(1);
    // One row per article, and replaced articles leave no stale rows behind.
    expect(ftsRows(db)).toBe(db.get<{ n: number }>(sql`select count(*) as n from articles`)!.n);
    expect(db.get<{ n: number }>(sql`select count(*) as n from search_docs d where not exists (select 1 from articles a where a.id = d.article_id)`)!.n).toBe(0);
  });

  it("drops an issue's rows when it is unpublished or deleted by any path (triggers)", () => {
    const db = demoDb([issue26]);
    db.run(sql`update issues set status = 'scheduled'`);
    expect(ftsRows(db)).toBe(0);
    db.run(sql`update issues set status = 'published'`);
    writeTx(db, (tx) => indexIssue(tx, 1));
    expect(find(db, "外贸").total).toBeGreaterThan(0);
    db.run(sql`delete from issues`);
    expect(ftsRows(db)).toBe(0);
  });

  it("indexIssue refuses a draft", () => {
    const db = demoDb([{ ...issue26, publish: false }]);
    expect(writeTx(db, (tx) => indexIssue(tx, 1))).toBe(0);
    expect(ftsRows(db)).toBe(0);
  });

  it("catches up on published issues that were never indexed, and rebuilds for a new tokenizer", () => {
    const db = demoDb([issue26]);
    db.run(sql`delete from search_docs`);
    expect(ensureSearchIndex(db, 0).indexed).toBeGreaterThan(0);
    db.run(sql`update search_meta set value = 'old'`);
    expect(ensureSearchIndex(db, 60_000)).toMatchObject({ rebuilt: true });
    expect(find(db, "外贸").total).toBeGreaterThan(0);
  });
});

describe("search filters and ranking", () => {
  it("filters by paper, date range and section", () => {
    const db = demoDb();
    const paperId = getPaperBySlug("linlan", db)!.id;
    const all = find(db, "临澜");
    expect(new Set(all.hits.map((h) => h.date)).size).toBeGreaterThan(1);
    const one = find(db, "临澜", { paperId, from: "2026-11-25", to: "2026-11-25" });
    expect(one.total).toBeGreaterThan(0);
    expect(one.hits.every((h) => h.date === "2026-11-25")).toBe(true);
    const section = find(db, "临澜", { section: "综合" });
    expect(section.total).toBeGreaterThan(0);
    expect(section.hits.every((h) => h.section === "综合")).toBe(true);
    expect(find(db, "临澜", { paperId: paperId + 99 }).total).toBe(0);
  });

  it("requires every term (AND) and pages through results", () => {
    const db = demoDb();
    const both = find(db, "外贸 竹编");
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThanOrEqual(find(db, "外贸").total);
    const all = find(db, "临澜", { limit: 100 });
    const page2 = find(db, "临澜", { limit: 5, offset: 5 });
    expect(page2.hits.map((h) => h.articleId)).toEqual(all.hits.slice(5, 10).map((h) => h.articleId));
    expect(find(db, "临澜", { limit: 5, offset: 10_000 })).toMatchObject({ total: all.total, hits: [] });
  });

  it("favours the recent issue between equally relevant articles", () => {
    const db = openDb(":memory:");
    const piece = { kicker: null, title: "冬季供暖启动", subtitle: null, column: null, byline: null, paragraphs: ["全市冬季供暖今日启动。"], jumpTo: null, jumpFrom: null };
    for (const date of ["2016-11-26", "2026-11-20"]) {
      importIssue({ paper: { slug: "t" }, date, publish: true, pages: [{ label: "1", pieces: [piece] }] }, db);
    }
    expect(find(db, "供暖", { today: "2026-11-26" }).hits.map((h) => h.date)).toEqual(["2026-11-20", "2016-11-26"]);
  });

  it("survives every FTS special character as a query", () => {
    const db = demoDb([issue26]);
    for (const q of ['"*()NEAR AND', "OR", "NOT 外贸", "^外贸", "title:外贸", "-外贸", 'a"b', "NEAR(外贸 乌兰, 2)", "外贸*"]) {
      const { match } = parseQuery(q);
      if (match) expect(() => find(db, q), q).not.toThrow();
    }
    expect(find(db, "title:外贸").total).toBe(find(db, "title 外贸").total);
  });

  it("titles untitled stories by their opening words", () => {
    const db = openDb(":memory:");
    const piece = { kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: ["本报讯 今日全市普降小雪，气温明显下降。"], jumpTo: null, jumpFrom: null };
    importIssue({ paper: { slug: "t" }, date: "2026-11-26", publish: true, pages: [{ label: "1", pieces: [piece] }] }, db);
    expect(titles(find(db, "小雪"))[0]).toMatch(/^本报讯 今日全市普降小雪/);
  });
});
