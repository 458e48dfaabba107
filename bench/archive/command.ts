// `epaper generate-archive`: a deterministic synthetic archive for benchmarks and load tests.
// Kept out of scripts/epaper.ts, which only dispatches to it.
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { databasePath, getDb } from "../../db/client";
import { isIssueDate } from "../../lib/dates";
import { isPaperSlug } from "../../lib/slugs";
import { ArchiveExistsError, generateArchive } from "./generate";

export const GENERATE_ARCHIVE_USAGE =
  "generate-archive [--years N | --issues N] [--paper SLUG] [--name NAME] [--seed N] [--end YYYY-MM-DD] [--force]";

/** The archive's defaults: a paper of its own, so it never mixes with the demo paper. */
export const ARCHIVE_DEFAULTS = { paper: "lanjiang", name: "澜江晨报", seed: 1, end: "2026-11-23" } as const;

export class ArchiveUsageError extends Error {}

function positiveInt(raw: string | undefined, name: string, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new ArchiveUsageError(`--${name} must be a whole number from 1 to ${max}`);
  return Number(raw);
}

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export async function runGenerateArchive(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      years: { type: "string" }, issues: { type: "string" }, paper: { type: "string" }, name: { type: "string" },
      seed: { type: "string" }, end: { type: "string" }, force: { type: "boolean", default: false },
      batch: { type: "string" },
    },
  });
  if (values.years !== undefined && values.issues !== undefined) throw new ArchiveUsageError("give --years or --issues, not both");
  const years = positiveInt(values.years, "years", 100);
  const issues = positiveInt(values.issues, "issues", 36_500) ?? Math.round((years ?? 1) * 365.25);
  const seed = values.seed === undefined ? ARCHIVE_DEFAULTS.seed : positiveInt(values.seed, "seed", 2 ** 31);
  const slug = values.paper ?? ARCHIVE_DEFAULTS.paper;
  if (!isPaperSlug(slug)) throw new ArchiveUsageError(`bad paper slug ${JSON.stringify(slug)}`);
  const end = values.end ?? ARCHIVE_DEFAULTS.end;
  if (!isIssueDate(end)) throw new ArchiveUsageError(`bad --end ${JSON.stringify(end)}: expected YYYY-MM-DD`);
  const batchSize = positiveInt(values.batch, "batch", 10_000) ?? 100;

  const path = databasePath();
  const db = getDb();
  try {
    const summary = generateArchive(db, {
      paper: { slug, name: values.name ?? (slug === ARCHIVE_DEFAULTS.paper ? ARCHIVE_DEFAULTS.name : slug), motto: "合成数据（基准测试用）" },
      lastDate: end, issues, seed: seed!, batchSize, force: values.force,
      onBatch: (done, total) => process.stderr.write(`\rgenerate-archive: ${done}/${total} issues`),
    });
    process.stderr.write("\n");
    // Fold the WAL into the main file so that the size reported is the database's own.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    // A server on this database follows the new issues by itself (server/content-watch.ts).
    return {
      ...summary,
      seed,
      database: path,
      databaseBytes: fileBytes(path) + fileBytes(`${path}-wal`),
      databaseMB: Math.round(((fileBytes(path) + fileBytes(`${path}-wal`)) / 1e6) * 10) / 10,
    };
  } catch (e) {
    if (e instanceof ArchiveExistsError) throw new ArchiveUsageError(e.message);
    throw e;
  }
}
