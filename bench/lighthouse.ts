// Phone budgets for the reader, measured with Lighthouse 12 (mobile emulation: Moto G Power,
// slow 4G, 4× CPU slowdown), the median of N runs per page: performance score, LCP, TBT, CLS,
// the JavaScript a first visit loads (as transferred: brotli where the browser takes it, and the
// same scripts fetched again with gzip only) and everything an article visit transfers beyond its
// images: a first visit (a shared link) and a visit from its page (what a reader of the paper
// does: open the page, tap the story). Budgets: performance ≥ 90, LCP ≤ 2.5 s, TBT ≤ 200 ms,
// CLS 0, first-load JS ≤ 120 KB, article visit ≤ 100 KB beyond images.
//
//   tsx bench/lighthouse.ts --base http://127.0.0.1:3000 [--runs 3] [--json out.json]
// Needs a running server and Chromium (CHROME_PATH, default /usr/bin/chromium).
import { writeFileSync } from "node:fs";
import { request } from "node:http";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "@playwright/test";

export type PageBudget = {
  name: string; path: string;
  performance: number; lcpMs: number; tbtMs: number; cls: number;
  scriptKB: number; nonImageKB: number; totalKB: number;
  /** The same scripts fetched with Accept-Encoding: gzip only (what the budget was first stated in). */
  scriptGzipKB: number;
};

export const BUDGETS = { performance: 90, lcpMs: 2500, tbtMs: 200, cls: 0, scriptKB: 120, articleNonImageKB: 100 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The four reader pages to measure, found through the reading API: front, inside, article, search. */
export async function readerPaths(base: string): Promise<{ name: string; path: string }[]> {
  const get = async (p: string) => (await fetch(new URL(p, base))).json();
  const { papers } = await get("/api/v1/papers");
  const latest = papers.find((p: { latestIssue: unknown }) => p.latestIssue);
  if (!latest) throw new Error("no published issue to measure");
  const issue = await get(latest.latestIssue.api);
  const inside = issue.pages[1] ?? issue.pages[0];
  const article = issue.pages.flatMap((p: { articles: { url: string }[] }) => p.articles)[0];
  const word = (article?.title ?? "新闻").slice(0, 2);
  return [
    { name: "front page", path: issue.issue.url },
    { name: "inside page", path: inside.url },
    { name: "article", path: article.url },
    { name: "search", path: `/search?q=${encodeURIComponent(word)}` },
  ];
}

type Item = { resourceType?: string; transferSize?: number; url: string };

export async function runLighthouse(base: string, runs = 3, paths?: { name: string; path: string }[]): Promise<PageBudget[]> {
  const targets = paths ?? (await readerPaths(base));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const out: PageBudget[] = [];
    for (const t of targets) {
      const samples: Omit<PageBudget, "name" | "path" | "scriptGzipKB">[] = [];
      let scripts: string[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(new URL(t.path, base).href, {
          port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"],
          // Each run a first visit: no cache, no service worker, no saved preferences.
          disableStorageReset: false,
        });
        if (!result) throw new Error(`lighthouse gave no result for ${t.path}`);
        const { lhr } = result;
        const items = ((lhr.audits["network-requests"]?.details as { items?: Item[] } | undefined)?.items ?? []);
        const sum = (f: (x: Item) => boolean) => items.filter(f).reduce((n, x) => n + (x.transferSize ?? 0), 0) / 1024;
        scripts = items.filter((x) => x.resourceType === "Script").map((x) => x.url);
        samples.push({
          performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
          lcpMs: lhr.audits["largest-contentful-paint"].numericValue ?? 0,
          tbtMs: lhr.audits["total-blocking-time"].numericValue ?? 0,
          cls: lhr.audits["cumulative-layout-shift"].numericValue ?? 0,
          scriptKB: sum((x) => x.resourceType === "Script"),
          nonImageKB: sum((x) => x.resourceType !== "Image"),
          totalKB: sum(() => true),
        });
      }
      const m = (k: keyof (typeof samples)[number]) => median(samples.map((s) => s[k]));
      out.push({
        name: t.name, path: t.path, performance: m("performance"), lcpMs: Math.round(m("lcpMs")), tbtMs: Math.round(m("tbtMs")),
        cls: Number(m("cls").toFixed(3)), scriptKB: Number(m("scriptKB").toFixed(1)), nonImageKB: Number(m("nonImageKB").toFixed(1)),
        totalKB: Number(m("totalKB").toFixed(1)), scriptGzipKB: Number(((await gzipBytes(scripts)) / 1024).toFixed(1)),
      });
    }
    return out;
  } finally {
    await chrome.kill();
  }
}

/** Body bytes of these URLs as sent with Accept-Encoding: gzip (a raw request: nothing decoded). */
async function gzipBytes(urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    total += await new Promise<number>((resolve, reject) => {
      request(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let n = 0;
        res.on("data", (c: Buffer) => (n += c.length));
        res.on("end", () => resolve(n));
      }).on("error", reject).end();
    });
  }
  return total;
}

/**
 * An article visited from its page, as a reader of the paper does: the page opened on a phone
 * (375 px, a fresh profile), then the story tapped. Counts what the tap transfers beyond images
 * (bodies as sent plus headers); what the page already loaded is in the browser's cache.
 */
export async function articleFromPage(base: string, pagePath: string, articlePath: string): Promise<{ nonImageKB: number; requests: number }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium" });
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(new URL(pagePath, base).href, { waitUntil: "networkidle" });
    let bytes = 0;
    let requests = 0;
    page.on("requestfinished", async (req) => {
      if (req.resourceType() === "image") return;
      const sizes = await req.sizes().catch(() => null);
      if (!sizes) return;
      requests++;
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.locator(`a[href="${articlePath}"]`).first().click();
    await page.waitForURL((u) => u.pathname === articlePath);
    await page.waitForLoadState("networkidle");
    return { nonImageKB: Number((bytes / 1024).toFixed(1)), requests };
  } finally {
    await browser.close();
  }
}

const ok = (pass: boolean) => (pass ? "✓" : "✗");

/** The budgets table for bench/results.md. */
export function budgetsTable(rows: PageBudget[], runs: number, fromPage?: { nonImageKB: number; requests: number } | null): string {
  const article = rows.find((r) => r.name === "article");
  const lines = [
    `Lighthouse 12.2.3, mobile, median of ${runs} runs. Budgets: performance ≥ ${BUDGETS.performance}, LCP ≤ ${BUDGETS.lcpMs / 1000} s, ` +
      `TBT ≤ ${BUDGETS.tbtMs} ms, CLS ${BUDGETS.cls}, first-load JS ≤ ${BUDGETS.scriptKB} KB, article ≤ ${BUDGETS.articleNonImageKB} KB beyond images. ` +
      "First-load JS as transferred (brotli, which every current browser takes), and beside it the same scripts as gzip; " +
      "\"beyond images\" is a first visit to the page with an empty cache.",
    "",
    "| page | performance | LCP | TBT | CLS | first-load JS (brotli) | same JS as gzip | beyond images | total |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) =>
      `| ${r.name} | ${r.performance} ${ok(r.performance >= BUDGETS.performance)} | ${(r.lcpMs / 1000).toFixed(2)} s ${ok(r.lcpMs <= BUDGETS.lcpMs)} ` +
      `| ${r.tbtMs} ms ${ok(r.tbtMs <= BUDGETS.tbtMs)} | ${r.cls} ${ok(r.cls <= BUDGETS.cls)} | ${r.scriptKB} KB ${ok(r.scriptKB <= BUDGETS.scriptKB)} ` +
      `| ${r.scriptGzipKB} KB ${ok(r.scriptGzipKB <= BUDGETS.scriptKB)} ` +
      `| ${r.nonImageKB} KB${r.name === "article" ? ` ${ok(r.nonImageKB <= BUDGETS.articleNonImageKB)}` : ""} | ${r.totalKB} KB |`),
  ];
  if (fromPage && article) {
    lines.push("", `An article visited from its page (page opened on a 375-px phone, then the story tapped): ${fromPage.nonImageKB} KB beyond images ` +
      `in ${fromPage.requests} requests ${ok(fromPage.nonImageKB <= BUDGETS.articleNonImageKB)}, against ${article.nonImageKB} KB for a first visit from a shared link.`);
  }
  return lines.join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
  const base = opt("base") ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const runs = Number(opt("runs") ?? 3);
  const paths = await readerPaths(base);
  const rows = await runLighthouse(base, runs, paths);
  const front = paths.find((p) => p.name === "front page")!;
  const article = paths.find((p) => p.name === "article")!;
  const fromPage = await articleFromPage(base, front.path, article.path);
  const json = opt("json");
  if (json) writeFileSync(json, JSON.stringify({ rows, fromPage }, null, 2));
  console.log(budgetsTable(rows, runs, fromPage));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
