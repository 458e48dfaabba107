import { asc, desc, eq } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { papers, type Paper } from "../schema";

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
