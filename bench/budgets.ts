// The measurements behind the budgets that are not plain throughput.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { openDb } from "../db/client";
import { importIssue } from "../db/queries/imports";
import { issueToPageTexts, makeIssue } from "./archive/issue";
import { parsePage } from "../lib/parser";
import { percentile, timeRequest } from "./load";

/**
 * Script URLs a modern browser loads for a page: `<script src=…>` in its HTML, without
 * `nomodule` ones (legacy polyfills that browsers with ES modules skip).
 */
export function scriptSources(html: string): { modern: string[]; legacy: string[] } {
  const modern = new Set<string>();
  const legacy = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) {
    const src = m[1].replace(/&amp;/g, "&");
    (/\bnomodule\b/i.test(m[0]) ? legacy : modern).add(src);
  }
  return { modern: [...modern], legacy: [...legacy] };
}

const PUBLIC = resolve(import.meta.dirname, "../public");

/** First-load JavaScript of a page: the gzip size of every script its HTML loads, from the build. */
export function firstLoadJs(html: string, distDir: string) {
  const missing: string[] = [];
  const measure = (srcs: string[]) => {
    let gz = 0;
    let raw = 0;
    const files: { src: string; gzipKb: number }[] = [];
    for (const src of srcs) {
      const path = src.split("?")[0];
      // Next's chunks from the build; the reader's islands (and /prefs.js) from public/.
      const next = /^\/_next\/(static\/.+)$/.exec(path);
      const file = next ? join(distDir, next[1]) : /^\/[\w./-]+\.js$/.test(path) && !path.includes("..") ? join(PUBLIC, path) : null;
      if (!file || !existsSync(file)) {
        missing.push(src);
        continue;
      }
      const bytes = readFileSync(file);
      const g = gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gz += g;
      files.push({ src, gzipKb: kb(g) });
    }
    return { gz, raw, files };
  };
  const { modern, legacy } = scriptSources(html);
  const m = measure(modern);
  const l = measure(legacy);
  return {
    files: m.files.length, gzipKb: kb(m.gz), rawKb: kb(m.raw), legacyGzipKb: kb(l.gz),
    largest: m.files.sort((a, b) => b.gzipKb - a.gzipKb).slice(0, 3), missing,
  };
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Each URL once, one after another (nothing else running): the time of a render nobody cached. */
export async function timeFirstRequests(origin: string, paths: string[]) {
  const ms: number[] = [];
  const statuses: number[] = [];
  for (const p of paths) {
    const r = await timeRequest(origin + p);
    ms.push(r.ms);
    statuses.push(r.status);
  }
  return {
    count: ms.length,
    p50: round(percentile(ms, 50)),
    p95: round(percentile(ms, 95)),
    max: round(Math.max(...ms)),
    ok: statuses.filter((s) => s === 200).length,
  };
}

/**
 * A 16-page issue through the whole import path: print text → parsePage per page → importIssue
 * (jump linking, search indexing) into a fresh database. Several issues, so the first (cold
 * code) and the steady state are both seen.
 */
export function timeImport16(tmpDir: string, runs: number) {
  const dbPath = join(tmpDir, "import16.db");
  for (const s of ["", "-wal", "-shm"]) rmSync(dbPath + s, { force: true });
  const db = openDb(dbPath);
  const shape = { pages: 16, articlesPerPage: 8, jumps: 2, minChars: 600, maxChars: 1200 };
  const totals: number[] = [];
  const parses: number[] = [];
  let articles = 0;
  let jumps = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const date = `2030-01-${String(i + 1).padStart(2, "0")}`;
      const issue = makeIssue({ paper: { slug: "import-bench", name: "导入测试" }, date, seed: 7, shape });
      const texts = issueToPageTexts(issue);
      const t0 = performance.now();
      const pages = texts.map(({ label, text }) => ({ label, pieces: parsePage(text, label).articles }));
      const t1 = performance.now();
      const summary = importIssue({ paper: { slug: "import-bench", name: "导入测试" }, date, publish: true, pages }, db);
      const t2 = performance.now();
      parses.push(t1 - t0);
      totals.push(t2 - t0);
      articles = summary.articles;
      jumps = summary.jumps.linked.length;
    }
  } finally {
    db.$client.close();
    for (const s of ["", "-wal", "-shm"]) rmSync(dbPath + s, { force: true });
  }
  return {
    runs, articles, jumpsLinked: jumps,
    coldMs: round(totals[0]), medianMs: round(percentile(totals, 50)), maxMs: round(Math.max(...totals)),
    parseMedianMs: round(percentile(parses, 50)),
  };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
