// The demo paper 临澜日报: three consecutive published issues of an invented city,
// seeded into an empty database by `npm start` (unless EPAPER_DEMO=0).
import { sql } from "drizzle-orm";
import { writeTx, type Db } from "../client";
import { importIssueInTx, type ImportSummary } from "../queries/imports";
import { papers, users } from "../schema";
import type { IssueInput } from "../../lib/import-types";
import { issue as issue1124 } from "./issue-2026-11-24";
import { issue as issue1125 } from "./issue-2026-11-25";
import { issue as issue1126 } from "./issue-2026-11-26";
import { pdfIssue } from "./pdf-issue";

/** Front pages carry a scan (made by scripts/make-demo-scans.ts); zones are the pieces' zones. */
export const DEMO_SCAN = {
  width: 1400,
  height: 1980,
  path: (issue: IssueInput) => `/demo/${issue.paper.slug}-${issue.date}-1.webp`,
};

export const DEMO_ISSUES: IssueInput[] = [issue1124, issue1125, issue1126].map((issue) => ({
  ...issue,
  pages: issue.pages.map((page, i) =>
    i === 0 ? { ...page, image: { path: DEMO_SCAN.path(issue), width: DEMO_SCAN.width, height: DEMO_SCAN.height } } : page),
}));

/** The issue before them came as print PDFs (scripts/make-demo-pdfs.ts): images, zones and PDFs from the same files. */
export const DEMO_PDF_ISSUE = pdfIssue;

export function isEmpty(db: Db): boolean {
  return (db.select({ n: sql<number>`count(*)` }).from(papers).get()?.n ?? 0) === 0;
}

// The demo's editor account, shown in the README; created only with the demo paper, and only
// where lib/auth/demo-editor.ts allows it.
export { DEMO_EDITOR } from "../../lib/auth/demo-editor";
import { DEMO_EDITOR } from "../../lib/auth/demo-editor";

/** Seeds the demo paper and (with a password hash) its editor in one transaction; returns one import summary per issue. */
export function seedDemo(db: Db, editorPasswordHash: string | null): ImportSummary[] {
  return writeTx(db, (tx) => {
    if (editorPasswordHash) {
      tx.insert(users).values({ email: DEMO_EDITOR.email, name: DEMO_EDITOR.name, passwordHash: editorPasswordHash, role: "editor" }).run();
    }
    return [DEMO_PDF_ISSUE, ...DEMO_ISSUES].map((issue) => importIssueInTx(tx, issue));
  });
}
