import { sql } from "drizzle-orm";
import {
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { ImportedPiece, PageImportReport, Zone } from "../lib/import-types";

// One row per newspaper title. `slug` is the first URL segment.
export const papers = sqliteTable("papers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  // Shown under the masthead, e.g. "中共某某市委机关报".
  motto: text("motto"),
  isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const ISSUE_STATUSES = ["draft", "scheduled", "published"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

// One day's edition of a paper. Readers only ever see status = 'published'.
export const issues = sqliteTable(
  "issues",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    paperId: integer("paper_id").notNull().references(() => papers.id, { onDelete: "cascade" }),
    date: text("date").notNull(), // YYYY-MM-DD, the date printed on the paper
    number: integer("number"), // 第8123期
    status: text("status", { enum: ISSUE_STATUSES }).notNull().default("draft"),
    publishedAt: text("published_at"),
    scheduledAt: text("scheduled_at"),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    uniqueIndex("issues_paper_date").on(t.paperId, t.date),
    index("issues_paper_status_date").on(t.paperId, t.status, t.date),
  ],
);

// A printed page (版面) of an issue, addressed by its label ("1", "3", "A6").
export const pages = sqliteTable(
  "pages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id").notNull().references(() => issues.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    position: integer("position").notNull(), // order in the issue, 0-based
    section: text("section"), // 版名: 要闻, 综合 …
    // Page scan (an image under public storage) and its natural size, for zones.
    imagePath: text("image_path"),
    imageWidth: integer("image_width"),
    imageHeight: integer("image_height"),
    pdfPath: text("pdf_path"),
    // The last import's report (text layer, counts, doubts, changes): see lib/import-types.ts.
    importReport: text("import_report", { mode: "json" }).$type<PageImportReport>(),
  },
  (t) => [
    uniqueIndex("pages_issue_label").on(t.issueId, t.label),
    index("pages_issue_position").on(t.issueId, t.position),
  ],
);

// One story, however many pages it crosses. Its text lives in its pieces.
export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id").notNull().references(() => issues.id, { onDelete: "cascade" }),
    kicker: text("kicker"), // 引题
    title: text("title"), // 主题
    subtitle: text("subtitle"), // 副题
    column: text("column"), // 专栏 / 栏目
    byline: text("byline"),
    // [{ src, caption, width, height }]
    images: text("images", { mode: "json" }).$type<ArticleImage[]>().notNull().default(sql`'[]'`),
  },
  (t) => [index("articles_issue").on(t.issueId)],
);

export type ArticleImage = { src: string; caption: string | null; width?: number; height?: number };

// An article's part on one page. An article's pieces in `seq` order are the whole story;
// a piece's `jumpTo` / `jumpFrom` are the labels printed as (下转三版) / (上接一版).
export const pieces = sqliteTable(
  "pieces",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    pageId: integer("page_id").notNull().references(() => pages.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(), // order within the article
    position: integer("position").notNull(), // reading order on the page
    // Jump headline printed above a continuation (e.g. "城市会客厅（上接一版）").
    headline: text("headline"),
    paragraphs: text("paragraphs", { mode: "json" }).$type<string[]>().notNull(),
    jumpTo: text("jump_to"),
    jumpFrom: text("jump_from"),
    // Zone on the page image: rectangles in fractions of its width and height (0..1), origin
    // top-left; an L-shaped story has two or more. Empty: no zone drawn.
    zones: text("zones", { mode: "json" }).$type<Zone[]>().notNull().default(sql`'[]'`),
    // What the importer read for this piece, so a re-sent page keeps the editor's fixes.
    imported: text("imported", { mode: "json" }).$type<ImportedPiece>(),
  },
  (t) => [
    index("pieces_article_seq").on(t.articleId, t.seq),
    index("pieces_page_position").on(t.pageId, t.position),
  ],
);

// A page's printed lines with their boxes (fractions of the page), for ALTO and search hits.
export const pageLines = sqliteTable(
  "page_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pageId: integer("page_id").notNull().references(() => pages.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    text: text("text").notNull(),
    x: real("x").notNull(),
    y: real("y").notNull(),
    w: real("w").notNull(),
    h: real("h").notNull(),
    size: real("size").notNull(), // font size, in fractions of the page height
  },
  (t) => [index("page_lines_page_seq").on(t.pageId, t.seq)],
);

export type Paper = typeof papers.$inferSelect;
export type Issue = typeof issues.$inferSelect;
export type Page = typeof pages.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type Piece = typeof pieces.$inferSelect;

// ---- The newsroom: accounts, sessions, sign-in throttling, audit. ----

export const ROLES = ["admin", "editor"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(), // stored lower-cased
  name: text("name"),
  passwordHash: text("password_hash").notNull(), // argon2id
  role: text("role", { enum: ROLES }).notNull().default("editor"),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

// One row per signed-in browser. A session token is only valid while its row exists, so
// sign-out, a password change or disabling a user ends sessions at once.
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(), // random, carried inside the signed session token
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

// Failed sign-ins per key ("account:<email>" or "client:<address>"); kept in the database so
// a restart does not reset a lockout.
export const signinThrottle = sqliteTable("signin_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: text("locked_until"),
  lastFailureAt: text("last_failure_at").notNull(),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    userEmail: text("user_email"), // kept if the user row goes
    action: text("action").notNull(), // "issue.publish", "article.update" …
    target: text("target"), // "linlan/2026-11-26", "article:42" …
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at").on(t.at)],
);

export type User = typeof users.$inferSelect;

// ---- Search (owned by the search feature; see db/queries/search.ts). ----

// One row per article of a PUBLISHED issue. `doc_id` is also the rowid of the article's row in
// the FTS5 table `search_fts` (migration 0002: drizzle-kit cannot express virtual tables or
// triggers). It is the issue's day number × 2^32 + the article id, so FTS5's native rowid order
// is newest-first and a date range is a rowid range (see lib/search/doc-id.ts). No foreign keys
// on purpose: triggers delete these rows (and their FTS rows) when an article or issue is deleted
// or an issue leaves 'published', whatever code path does it.
export const searchDocs = sqliteTable(
  "search_docs",
  {
    docId: integer("doc_id").primaryKey(),
    articleId: integer("article_id").notNull().unique(),
    paperId: integer("paper_id").notNull(),
    issueId: integer("issue_id").notNull(),
    date: text("date").notNull(), // the issue's date, YYYY-MM-DD
    pageLabel: text("page_label").notNull(), // page of the article's first piece
    section: text("section"),
    title: text("title").notNull(), // display title (a 短讯 gets its opening words)
  },
  (t) => [index("search_docs_issue").on(t.issueId)],
);

// Which tokenizer built the index; a mismatch makes the app rebuild it (new dictionary, new rules).
export const searchMeta = sqliteTable("search_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
