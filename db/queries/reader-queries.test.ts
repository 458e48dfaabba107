// Drafts are unreachable by construction: every exported read of the reader's query modules
// either says ForEdit in its name or is listed below with a call that aims it at a draft, and
// that call must come back empty. A new export fails this test until it is one or the other.
import { describe, expect, it } from "vitest";
import { openDb, type Db } from "../client";
import * as articles from "./articles";
import { importIssue } from "./imports";
import * as issues from "./issues";
import * as pages from "./pages";
import * as papers from "./papers";
import * as search from "./search";
import { eq } from "drizzle-orm";
import { pages as pagesTable } from "../schema";
import { parseQuery } from "../../lib/search/query";

const modules = { articles, issues, pages, papers, search };

// Not reads of issue content: writes, helpers, errors, and the papers themselves (a paper is
// neither draft nor published; what readers may see of it is its published issues).
const NOT_READER_QUERIES = new Set([
  "issues.setIssueStatus", "issues.getIssueWithPaperForEdit", "issues.markIssueEdited", "issues.IssueNotFoundError", "issues.publishedIssueId",
  "search.indexIssue", "search.unindexIssue", "search.reindexIssueIfPublished", "search.ensureSearchIndex", "search.MAX_CANDIDATES",
  "papers.getPaperBySlug", "papers.getDefaultPaper", "papers.listPapers",
]);

type Fixture = { db: Db; paperId: number; draft: { date: string; articleId: number; media: string } };

function fixture(): Fixture {
  const db = openDb(":memory:");
  const page = (title: string) => ({
    label: "1", section: "要闻",
    pieces: [{ kicker: null, title, subtitle: null, column: null, byline: null, paragraphs: ["城东草稿新闻正文。"], jumpTo: null, jumpFrom: null }],
  });
  // Only a draft: latest/adjacent/range queries must not see it either.
  const summary = importIssue({ paper: { slug: "t", name: "测试报" }, date: "2026-03-03", pages: [page("草稿头条")] }, db);
  const pageRow = pages.getPageOfIssueForEdit(summary.issueId, "1", db)!;
  db.update(pagesTable).set({ imagePath: "/media/draft.webp", imageWidth: 100, imageHeight: 140 }).where(eq(pagesTable.id, pageRow.id)).run();
  const articleId = pages.listPiecesOnPageForEdit(pageRow.id, db)[0].articleId;
  return { db, paperId: papers.getPaperBySlug("t", db)!.id, draft: { date: "2026-03-03", articleId, media: "/media/draft.webp" } };
}

const empty = (v: unknown) => v === null || v === false || (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && v !== null && Object.values(v).every((x) => x === null || (Array.isArray(x) && x.length === 0) || x === 0 || x === false));

const CASES: Record<string, (f: Fixture) => unknown> = {
  "issues.getPublishedIssue": ({ db, paperId, draft }) => issues.getPublishedIssue(paperId, draft.date, db),
  "issues.getLatestPublishedIssue": ({ db, paperId }) => issues.getLatestPublishedIssue(paperId, db),
  "issues.getAdjacentPublishedDates": ({ db, paperId }) => issues.getAdjacentPublishedDates(paperId, "2026-03-01", db),
  "issues.listPublishedDatesInMonth": ({ db, paperId }) => issues.listPublishedDatesInMonth(paperId, "2026-03", db),
  "issues.getPublishedDateRange": ({ db, paperId }) => issues.getPublishedDateRange(paperId, db),
  "issues.listPublishedPages": ({ db, paperId, draft }) => issues.listPublishedPages({ paperId, date: draft.date }, db),
  "pages.listPiecesOnPublishedPage": ({ db, paperId, draft }) => pages.listPiecesOnPublishedPage({ paperId, date: draft.date, label: "1" }, db),
  "pages.getPublishedPage": ({ db, paperId, draft }) => pages.getPublishedPage({ paperId, date: draft.date, label: "1" }, db),
  "pages.isPublishedMedia": ({ db, draft }) => pages.isPublishedMedia(draft.media, db),
  "articles.getPublishedArticle": ({ db, paperId, draft }) => articles.getPublishedArticle({ paperId, date: draft.date, articleId: draft.articleId }, db),
  "articles.listPublishedArticles": ({ db, paperId, draft }) => articles.listPublishedArticles({ paperId, date: draft.date }, db),
  "papers.listPublishedPapers": ({ db }) => papers.listPublishedPapers(db),
  "search.searchArticles": ({ db }) => {
    // Even with the draft forced into the index, the query refuses it.
    db.$client.exec("insert into search_docs (doc_id, article_id, paper_id, issue_id, date, page_label, section, title) values (99, 1, 1, 1, '2026-03-03', '1', null, '草稿头条')");
    db.$client.prepare("insert into search_fts (rowid, title, body) values (99, ?, ?)").run("草稿 头条", "城东 草稿 新闻 正文");
    const q = parseQuery("草稿");
    return search.searchArticles({ match: q.match!, terms: q.terms }, db).hits;
  },
};

describe("reader queries", () => {
  const readers = Object.entries(modules).flatMap(([mod, exports]) =>
    Object.entries(exports).filter(([, v]) => typeof v === "function" || typeof v === "number").map(([name]) => `${mod}.${name}`))
    .filter((name) => !name.endsWith("ForEdit") && !NOT_READER_QUERIES.has(name));

  it("are all listed here, each with a case aimed at a draft", () => {
    expect(readers.filter((name) => !(name in CASES))).toEqual([]);
  });

  for (const name of Object.keys(CASES)) {
    it(`${name} returns nothing for a draft`, () => {
      expect(empty(CASES[name](fixture())), name).toBe(true);
    });
  }

  it("and the same calls find the issue once it is published", () => {
    const f = fixture();
    issues.setIssueStatus({ paperSlug: "t", date: f.draft.date, status: "published" }, f.db);
    const found = Object.entries(CASES).filter(([name]) => name !== "issues.getAdjacentPublishedDates" && name !== "search.searchArticles")
      .filter(([, call]) => empty(call(f))).map(([name]) => name);
    expect(found).toEqual([]);
  });
});
