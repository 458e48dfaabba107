// The data the bench serves: a synthetic archive of one daily (bench/archive), generated into a
// database of the bench's own. The full run's ten years take minutes, so that file is kept and
// reused while nothing that shapes it (generator, migrations, import and search code) changed.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { openDb } from "../db/client";
import { generateArchive, type ArchiveSummary } from "./archive/generate";

const ROOT = resolve(import.meta.dirname, "..");
export const BENCH_PAPER = { slug: "lanjiang", name: "澜江晨报", motto: "合成数据（基准测试用）" };
export const LAST_DATE = "2026-11-23";
export const SEED = 1;

export type Dataset = {
  dbPath: string;
  issues: number;
  lastDate: string;
  generation: ArchiveSummary & { databaseMB: number };
  reused: boolean;
};

function sourcesKey(): string {
  const hash = createHash("sha256");
  // What decides the archive's bytes: the generator, the schema, the import and the search index.
  const dirs = ["bench/archive", "db/migrations", "db/schema.ts", "db/queries/imports.ts", "db/queries/search.ts", "lib/search", "lib/jumps.ts"];
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name));
    } else if (!/\.test\.ts$/.test(p)) {
      hash.update(p).update(readFileSync(p));
    }
  };
  for (const d of dirs) visit(join(ROOT, d));
  return hash.digest("hex").slice(0, 12);
}

function removeDb(path: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}

function sizeMb(path: string): number {
  const bytes = ["", "-wal"].reduce((n, s) => n + (existsSync(path + s) ? statSync(path + s).size : 0), 0);
  return Math.round((bytes / 1e6) * 10) / 10;
}

export function prepareDataset(opts: { tmpDir: string; issues: number; log: (s: string) => void }): Dataset {
  const key = sourcesKey();
  const stem = `archive-${opts.issues}-s${SEED}-`;
  const name = `${stem}${key}.db`;
  const dbPath = join(opts.tmpDir, name);
  const sidecar = `${dbPath}.json`;
  if (existsSync(dbPath) && existsSync(sidecar)) {
    const generation = JSON.parse(readFileSync(sidecar, "utf8"));
    opts.log(`data: reusing ${name} (generated earlier in ${generation.seconds} s; generator, migrations and import code unchanged)`);
    return { dbPath, issues: opts.issues, lastDate: LAST_DATE, generation, reused: true };
  }
  // The same archive made by older code only takes disk space.
  for (const f of readdirSync(opts.tmpDir)) if (f.startsWith(stem) && !f.startsWith(name)) rmSync(join(opts.tmpDir, f), { force: true });
  removeDb(dbPath);
  rmSync(sidecar, { force: true });
  opts.log(`data: generating ${opts.issues} issues into ${name} …`);
  const db = openDb(dbPath);
  let lastShown = 0;
  const summary = generateArchive(db, {
    paper: BENCH_PAPER, lastDate: LAST_DATE, issues: opts.issues, seed: SEED, batchSize: 100,
    onBatch: (done, total) => {
      if (Date.now() - lastShown > 5000 || done === total) {
        lastShown = Date.now();
        opts.log(`data: ${done}/${total} issues`);
      }
    },
  });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  const generation = { ...summary, databaseMB: sizeMb(dbPath) };
  writeFileSync(sidecar, JSON.stringify(generation, null, 2));
  return { dbPath, issues: opts.issues, lastDate: LAST_DATE, generation, reused: false };
}
