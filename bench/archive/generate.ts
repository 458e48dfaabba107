// Writes a synthetic archive into a database: one daily, issue after issue, published.
// Many issues per IMMEDIATE transaction: one commit (and one fsync under synchronous=FULL)
// per batch instead of per issue is what makes ten years take minutes, not hours.
import { eq, sql } from "drizzle-orm";
import { writeTx, type Db } from "../../db/client";
import { importIssueInTx } from "../../db/queries/imports";
import { papers } from "../../db/schema";
import { addDays } from "../../lib/dates";
import { countCharacters, DAILY_SHAPE, makeIssue, type IssueShape } from "./issue";

export class ArchiveExistsError extends Error {}

export type ArchiveOptions = {
  paper: { slug: string; name: string; motto?: string | null };
  lastDate: string; // the newest issue's date; the archive runs back from it, one issue a day
  issues: number;
  seed: number;
  shape?: IssueShape;
  batchSize?: number;
  force?: boolean; // replace the paper's issues if it already exists
  onBatch?: (done: number, total: number) => void;
};

export type ArchiveSummary = {
  paper: string;
  from: string;
  to: string;
  issues: number;
  pages: number;
  articles: number;
  jumpsLinked: number;
  characters: number;
  seconds: number;
  issuesPerSecond: number;
};

/** The dates of an archive of `count` daily issues ending on `lastDate`, oldest first. */
export function archiveDates(lastDate: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(lastDate, i - count + 1));
}

function paperExists(db: Db, slug: string): boolean {
  return !!db.select({ id: papers.id }).from(papers).where(eq(papers.slug, slug)).get();
}

export function generateArchive(db: Db, opts: ArchiveOptions): ArchiveSummary {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 100;
  const existed = paperExists(db, opts.paper.slug);
  if (existed && !opts.force) {
    throw new ArchiveExistsError(`paper ${opts.paper.slug} already exists in this database; pass --force to replace its issues, or choose another --paper`);
  }
  const dates = archiveDates(opts.lastDate, opts.issues);
  // The issue number counts up from an arbitrary but fixed first number, as printed (第8123期).
  const firstNumber = 1000 + (opts.seed % 1000);
  const summary = { pages: 0, articles: 0, jumpsLinked: 0, characters: 0 };
  let createdPaper = false;
  try {
    if (existed) {
      // Cascades to pages, articles and pieces.
      writeTx(db, (tx) => tx.run(sql`delete from issues where paper_id = (select id from papers where slug = ${opts.paper.slug})`));
    }
    for (let start = 0; start < dates.length; start += batchSize) {
      const batch = dates.slice(start, start + batchSize);
      writeTx(db, (tx) => {
        batch.forEach((date, i) => {
          const issue = makeIssue({
            paper: opts.paper, date, number: firstNumber + start + i, seed: opts.seed, shape: opts.shape ?? DAILY_SHAPE,
          });
          const s = importIssueInTx(tx, issue);
          summary.pages += s.pages.length;
          summary.articles += s.articles;
          summary.jumpsLinked += s.jumps.linked.length;
          summary.characters += countCharacters(issue);
        });
      });
      createdPaper ||= !existed;
      opts.onBatch?.(Math.min(start + batchSize, dates.length), dates.length);
    }
  } catch (e) {
    // A half-written archive is worse than none: take back what this run wrote.
    if (createdPaper) writeTx(db, (tx) => tx.delete(papers).where(eq(papers.slug, opts.paper.slug)).run());
    throw e;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    paper: opts.paper.slug,
    from: dates[0],
    to: dates[dates.length - 1],
    issues: dates.length,
    ...summary,
    seconds: Math.round(seconds * 100) / 100,
    issuesPerSecond: Math.round((dates.length / seconds) * 10) / 10,
  };
}
