import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
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
    // Linked to the piece before it by reading order alone or a doubtful headline match: an
    // editor confirms it (or unlinks it) before publishing.
    linkUncertain: integer("link_uncertain", { mode: "boolean" }).notNull().default(false),
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
    // Last request seen with this session (updated at most once a minute): the idle timeout.
    lastSeenAt: text("last_seen_at"),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_expires").on(t.expiresAt)],
);

// Failed sign-ins per key ("account:<email>", "client:<address>", "pair:<address> <email>"); kept
// in the database so a restart does not reset a lockout.
export const signinThrottle = sqliteTable("signin_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: text("locked_until"),
  lastFailureAt: text("last_failure_at").notNull(),
  // Start of the counting window; failures older than the window are forgotten all at once.
  firstFailureAt: text("first_failure_at"),
}, (t) => [index("signin_throttle_first_failure").on(t.firstFailureAt)]);

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

// ---- What readers see, as one value (migration 0003: its triggers keep it current). ----

// One row. Triggers on the content tables change `stamp` in every transaction that changes
// published content; caches of reader pages compare it (server/content-watch.ts).
export const contentVersion = sqliteTable("content_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
  stamp: text("stamp").notNull(),
});
// ---- Readers: subscribers' accounts, apart from the newsroom's (migration 0004). ----

export const readers = sqliteTable("readers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(), // stored lower-cased
  passwordHash: text("password_hash").notNull(), // argon2id
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

// The cookie carries a random token; only its SHA-256 is stored, so a copy of the database
// signs no one in.
export const readerSessions = sqliteTable(
  "reader_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    readerId: integer("reader_id").notNull().references(() => readers.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("reader_sessions_reader").on(t.readerId)],
);

export const ACCESS_POLICIES = ["open", "archive", "subscribers"] as const;
export type AccessPolicyName = (typeof ACCESS_POLICIES)[number];

// Who may read a paper's full text (lib/access.ts). No row: open.
export const paperAccess = sqliteTable("paper_access", {
  paperId: integer("paper_id").primaryKey().references(() => papers.id, { onDelete: "cascade" }),
  policy: text("policy", { enum: ACCESS_POLICIES }).notNull().default("open"),
  freeDays: integer("free_days").notNull().default(0),
  freePages: text("free_pages", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  meter: integer("meter").notNull().default(0), // free gated articles a month for signed-in readers
  updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const SUBSCRIPTION_SOURCES = ["admin", "code", "webhook"] as const;
export type SubscriptionSource = (typeof SUBSCRIPTION_SOURCES)[number];

// A period of access to one paper. Extending adds a period; revoking stamps revoked_at.
// (source, source_ref) is unique, so a payment event delivered twice grants once.
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    readerId: integer("reader_id").notNull().references(() => readers.id, { onDelete: "cascade" }),
    paperId: integer("paper_id").notNull().references(() => papers.id, { onDelete: "cascade" }),
    plan: text("plan").notNull(),
    startsAt: text("starts_at").notNull(), // ISO instants
    endsAt: text("ends_at").notNull(),
    source: text("source", { enum: SUBSCRIPTION_SOURCES }).notNull(),
    sourceRef: text("source_ref"),
    revokedAt: text("revoked_at"),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("subscriptions_reader_paper").on(t.readerId, t.paperId, t.endsAt),
    uniqueIndex("subscriptions_source_ref").on(t.source, t.sourceRef),
  ],
);

export const codeBatches = sqliteTable("code_batches", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  paperId: integer("paper_id").notNull().references(() => papers.id, { onDelete: "cascade" }),
  plan: text("plan").notNull(),
  days: integer("days").notNull(),
  count: integer("count").notNull(),
  redeemBy: text("redeem_by").notNull(), // ISO instant; later the code is expired
  createdBy: text("created_by"),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

// Kept readable (not hashed) so a batch can be downloaded again for the print subscribers'
// mailing; only admins can list them.
export const activationCodes = sqliteTable(
  "activation_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    batchId: integer("batch_id").notNull().references(() => codeBatches.id, { onDelete: "cascade" }),
    code: text("code").notNull().unique(),
    usedAt: text("used_at"),
    usedBy: integer("used_by").references(() => readers.id, { onDelete: "set null" }),
  },
  (t) => [index("activation_codes_batch").on(t.batchId)],
);

export const readerBookmarks = sqliteTable(
  "reader_bookmarks",
  {
    readerId: integer("reader_id").notNull().references(() => readers.id, { onDelete: "cascade" }),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.readerId, t.articleId] })],
);

export const readerHistory = sqliteTable(
  "reader_history",
  {
    readerId: integer("reader_id").notNull().references(() => readers.id, { onDelete: "cascade" }),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    readAt: text("read_at").notNull(),
    progress: real("progress").notNull().default(0), // 0..1, how far down the story
  },
  (t) => [primaryKey({ columns: [t.readerId, t.articleId] }), index("reader_history_recent").on(t.readerId, t.readAt)],
);

export const readerPrefs = sqliteTable("reader_prefs", {
  readerId: integer("reader_id").primaryKey().references(() => readers.id, { onDelete: "cascade" }),
  prefs: text("prefs", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  updatedAt: text("updated_at").notNull(),
});

// Gated articles a signed-in reader without a subscription has opened this month.
export const readerMeter = sqliteTable(
  "reader_meter",
  {
    readerId: integer("reader_id").notNull().references(() => readers.id, { onDelete: "cascade" }),
    paperId: integer("paper_id").notNull().references(() => papers.id, { onDelete: "cascade" }),
    month: text("month").notNull(), // YYYY-MM
    articleId: integer("article_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.readerId, t.paperId, t.month, t.articleId] })],
);
