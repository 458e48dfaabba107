// Import of a broadsheet issue from its print PDFs, timed: every page read, rendered and stored,
// then the issue written and its jumps linked, as the back office's drop and `epaper import` do.
// Budgets (the newsroom's night): the whole issue under 60 s, reading under 1 s a page, the
// importing process under 500 MB (its own RSS plus the poppler processes it runs).
//   npx tsx bench/pdf-import.ts [--pages 16] [--quick]   (--quick: 4 pages)
// The pages are printed with Chromium from the demo's layouts (scripts/print-pages.ts), each
// with its own page number in its furniture. The import then runs in a process of its own,
// started with the server's environment (scripts/server-bundle.mjs) and holding only what the
// server holds when an editor drops the files: the import's modules and the PDFs themselves,
// not Chromium's driver that printed them. The last line is one JSON object.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PDF_ISSUE, PDF_PAGES, type PageLayout } from "../db/seed/pdf-issue-layout";
import { serverEnv } from "../scripts/server-bundle.mjs";

const { values } = parseArgs({ options: { pages: { type: "string" }, quick: { type: "boolean", default: false }, from: { type: "string" } } });
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

/** Prints the pages, then runs the import on them in a child with the server's environment. */
async function main() {
  const dir = mkdtempSync(join(tmpdir(), "banmian-bench-pdf-"));
  try {
    const { printPages } = await import("../scripts/print-pages");
    const pdfs = await printPages(layouts(count), PDF_ISSUE);
    for (const [i, p] of pdfs.entries()) writeFileSync(join(dir, `${String(i + 1).padStart(2, "0")}.pdf`), p);
    const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--from", dir], {
      env: serverEnv({ ...process.env, DATABASE_PATH: join(dir, "epaper.db") }), stdio: "inherit",
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The import itself, on the PDFs in `dir`, measured. */
async function importFrom(dir: string) {
  const names = readdirSync(dir).filter((n) => n.endsWith(".pdf")).sort();
  const pdfs = names.map((n) => new Uint8Array(readFileSync(join(dir, n))));
  const count = pdfs.length;
  const bytes = pdfs.reduce((s, p) => s + p.length, 0);
  // Imported after DATABASE_PATH is set: the media folder sits beside the database.
  const { openDb } = await import("../db/client");
  const { importIssue } = await import("../db/queries/imports");
  const { readPdf } = await import("../lib/pdf/index");
  const { preparePdfFiles } = await import("../lib/pdf-import");

  // What the process holds before anything is read: modules and the dropped PDFs.
  const baselineMb = Math.round(memoryMb().own);
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
  sample();
  const sampler = setInterval(sample, 100);
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const prepared = await preparePdfFiles(pdfs.map((p, i) => ({ name: names[i], bytes: p })));
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
    peakMemoryMb: Math.round(peak.total), peakOwnMb: Math.round(peak.own), peakToolsMb: Math.round(peak.children), baselineMb, mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? null, failed: prepared.failed.length, articles: summary.articles, jumpsLinked: summary.jumps.linked.length,
  };
  const ok = result.seconds < 60 && result.readMsPerPage.max < 1000 && result.peakMemoryMb < 500 && result.failed === 0;
  console.log(`pdf import: ${count} pages (${result.megabytes} MB) in ${result.seconds} s (${result.cpuSeconds} CPU s, load ${result.loadAverage}), reading ${result.readMsPerPage.mean} ms a page (max ${result.readMsPerPage.max}, ${result.readMsPerPage.cpu} ms CPU), peak ${result.peakMemoryMb} MB (process ${result.peakOwnMb}, of which ${baselineMb} before the import, + tools ${result.peakToolsMb}) — ${ok ? "within budget" : "OVER BUDGET"}`);
  console.log(JSON.stringify(result));
}

if (values.from) await importFrom(values.from);
else await main();
