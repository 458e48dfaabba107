// Import of a broadsheet issue from its print PDFs, timed: every page read, rendered and stored,
// then the issue written and its jumps linked, as the back office's drop and `epaper import` do.
// Budgets (the newsroom's night): the whole issue under 60 s, reading under 1 s a page, the
// importing process under 500 MB (its own RSS plus the poppler processes it runs).
//   npx tsx bench/pdf-import.ts [--pages 16] [--quick]   (--quick: 4 pages)
// The pages are printed with Chromium from the demo's layouts (scripts/print-pages.ts), each
// with its own page number in its furniture. The last line is one JSON object.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PDF_ISSUE, PDF_PAGES, type PageLayout } from "../db/seed/pdf-issue-layout";
import { printPages } from "../scripts/print-pages";

const { values } = parseArgs({ options: { pages: { type: "string" }, quick: { type: "boolean", default: false } } });
const count = Number(values.pages ?? (values.quick ? 4 : 16));

/** Sixteen pages from the two demo layouts, each labelled as its own page; only page 1 jumps (to 2). */
function layouts(n: number): PageLayout[] {
  return Array.from({ length: n }, (_, i) => {
    const base = PDF_PAGES[i % 2];
    return {
      ...base, label: String(i + 1),
      stories: base.stories.map((s) => ({ ...s, jumpTo: i === 0 ? s.jumpTo : undefined, jumpFrom: i === 1 ? s.jumpFrom : undefined })),
    };
  });
}

/** RSS in MB of this process, and of its children (pdftoppm, pdftohtml …) at this instant. */
function memoryMb(): { own: number; children: number } {
  let kb = 0;
  try {
    const out = execFileSync("ps", ["-o", "rss=", "--ppid", String(process.pid)], { encoding: "utf8" });
    kb = out.split("\n").filter(Boolean).reduce((s, l) => s + Number(l.trim()), 0);
  } catch { /* no children at that instant */ }
  return { own: process.memoryUsage().rss / 1048576, children: kb / 1024 };
}

/** CPU seconds used so far by this process and the children it has waited for (poppler's tools). */
function cpuSeconds(): number {
  const f = readFileSync("/proc/self/stat", "utf8").slice(readFileSync("/proc/self/stat", "utf8").lastIndexOf(")") + 2).split(" ");
  // Fields 14-17 of stat (utime, stime, cutime, cstime), in clock ticks of 1/100 s.
  return [11, 12, 13, 14].reduce((s, i) => s + Number(f[i]), 0) / 100;
}

const dir = mkdtempSync(join(tmpdir(), "banmian-bench-pdf-"));
process.env.DATABASE_PATH = join(dir, "epaper.db");
try {
  const pdfs = await printPages(layouts(count), PDF_ISSUE);
  const bytes = pdfs.reduce((s, p) => s + p.length, 0);
  // Imported after DATABASE_PATH is set: the media folder sits beside the database.
  const { openDb } = await import("../db/client");
  const { importIssue } = await import("../db/queries/imports");
  const { readPdf } = await import("../lib/pdf/index");
  const { preparePdfFiles } = await import("../lib/pdf-import");

  // Reading alone, page by page, as the reader's own cost.
  const readMs: number[] = [];
  const r0 = cpuSeconds();
  for (const pdf of pdfs) {
    const t = performance.now();
    await readPdf(pdf);
    readMs.push(performance.now() - t);
  }

  const readCpu = cpuSeconds() - r0;
  const db = openDb(process.env.DATABASE_PATH);
  const peak = { own: 0, children: 0, total: 0 };
  const sample = () => {
    const m = memoryMb();
    peak.own = Math.max(peak.own, m.own);
    peak.children = Math.max(peak.children, m.children);
    peak.total = Math.max(peak.total, m.own + m.children);
  };
  // What the process held before the import (modules, the printed PDFs): the import adds the rest.
  const baselineMb = Math.round(memoryMb().own);
  sample();
  const sampler = setInterval(sample, 100);
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const prepared = await preparePdfFiles(pdfs.map((p, i) => ({ name: `${String(i + 1).padStart(2, "0")}.pdf`, bytes: p })));
  const t1 = performance.now();
  const summary = importIssue({ paper: { slug: "bench" }, date: PDF_ISSUE.date, pages: prepared.pages.map((p) => p.input) }, db);
  const t2 = performance.now();
  const cpu = cpuSeconds() - c0;
  clearInterval(sampler);
  sample();

  const result = {
    pages: count, megabytes: Math.round((bytes / 1048576) * 10) / 10,
    seconds: Math.round((t2 - t0) / 100) / 10,
    prepareSeconds: Math.round((t1 - t0) / 100) / 10, writeAndLinkMs: Math.round(t2 - t1),
    readMsPerPage: {
      mean: Math.round(readMs.reduce((a, b) => a + b, 0) / readMs.length), max: Math.round(Math.max(...readMs)),
      cpu: Math.round((readCpu / count) * 1000),
    },
    // What the work costs whatever else the machine runs: on two idle cores it takes about half this long.
    cpuSeconds: Math.round(cpu * 10) / 10, cpuSecondsPerPage: Math.round((cpu / count) * 100) / 100,
    loadAverage: Math.round(loadavg()[0] * 10) / 10,
    peakMemoryMb: Math.round(peak.total), peakOwnMb: Math.round(peak.own), peakToolsMb: Math.round(peak.children), baselineMb, failed: prepared.failed.length, articles: summary.articles, jumpsLinked: summary.jumps.linked.length,
  };
  const ok = result.seconds < 60 && result.readMsPerPage.max < 1000 && result.peakMemoryMb < 500 && result.failed === 0;
  console.log(`pdf import: ${count} pages (${result.megabytes} MB) in ${result.seconds} s (${result.cpuSeconds} CPU s, load ${result.loadAverage}), reading ${result.readMsPerPage.mean} ms a page (max ${result.readMsPerPage.max}, ${result.readMsPerPage.cpu} ms CPU), peak ${result.peakMemoryMb} MB (process ${result.peakOwnMb}, of which ${baselineMb} before the import, + tools ${result.peakToolsMb}) — ${ok ? "within budget" : "OVER BUDGET"}`);
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
