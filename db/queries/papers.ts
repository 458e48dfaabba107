import { and, asc, desc, eq, exists } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { issues, papers, type Paper } from "../schema";

export type PaperView = Pick<Paper, "id" | "slug" | "name" | "motto">;

const paperColumns = { id: papers.id, slug: papers.slug, name: papers.name, motto: papers.motto };

export function getPaperBySlug(slug: string, db: Db = getDb()): PaperView | null {
  return db.select(paperColumns).from(papers).where(eq(papers.slug, slug)).get() ?? null;
}

/** The paper `/` shows: the one marked default, else the oldest. */
export function getDefaultPaper(db: Db = getDb()): PaperView | null {
  return (
    db.select(paperColumns).from(papers).orderBy(desc(papers.isDefault), asc(papers.id)).limit(1).get() ?? null
  );
}

export function listPapers(db: Db = getDb()): PaperView[] {
  return db.select(paperColumns).from(papers).orderBy(asc(papers.id)).all();
}

/** Papers readers can see: those with at least one published issue (a new paper's drafts reveal nothing). */
export function listPublishedPapers(db: Db = getDb()): PaperView[] {
  return db.select(paperColumns).from(papers)
    .where(exists(db.select({ one: issues.id }).from(issues).where(and(eq(issues.paperId, papers.id), eq(issues.status, "published")))))
    .orderBy(asc(papers.id)).all();
}
