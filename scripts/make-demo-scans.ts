// Makes the demo paper's page "scans": each front page of db/seed typeset as print and
// photographed in Chromium, so the zones (the pieces' zones) match the image exactly.
// Run once after changing the demo front pages:  node --import tsx scripts/make-demo-scans.ts
// Output: public/demo/linlan-YYYY-MM-DD-1.webp (committed; `npm start` needs no browser).
import { chromium } from "@playwright/test";
import sharp from "sharp";
import { DEMO_ISSUES, DEMO_SCAN } from "../db/seed";
import { formatIssueDate, weekday } from "../lib/dates";
import { printedLabel } from "../lib/labels";
import type { IssueInput, PieceInput } from "../lib/import-types";

const { width: SCAN_WIDTH, height: SCAN_HEIGHT } = DEMO_SCAN;

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

function pieceHtml(p: PieceInput): string {
  const r = p.zones![0];
  const style = `left:${r.x * 100}%;top:${r.y * 100}%;width:${r.w * 100}%;height:${r.h * 100}%`;
  const lead = r.w > 0.6;
  return `<section style="${style}" class="${lead ? "lead" : ""}">
    ${p.column ? `<div class="column">${esc(p.column)}</div>` : ""}
    ${p.kicker ? `<div class="kicker">${esc(p.kicker)}</div>` : ""}
    ${p.title ? `<h2>${esc(p.title)}</h2>` : ""}
    ${p.subtitle ? `<div class="subtitle">${esc(p.subtitle)}</div>` : ""}
    ${p.byline ? `<div class="byline">${esc(p.byline)}</div>` : ""}
    <div class="body">${p.paragraphs.map((t) => `<p>${esc(t)}</p>`).join("")}${p.jumpTo ? `<p class="jump">（下转${esc(printedLabel(p.jumpTo))}）</p>` : ""}</div>
  </section>`;
}

function pageHtml(issue: IssueInput): string {
  const page = issue.pages[0];
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
    body{margin:0;width:${SCAN_WIDTH}px;height:${SCAN_HEIGHT}px;background:#f7f3ea;font-family:"Noto Serif CJK SC",serif;color:#1d1b18;position:relative;overflow:hidden}
    header{position:absolute;left:2%;right:2%;top:1.2%;height:10%;border-bottom:3px double #222;display:flex;align-items:center;justify-content:space-between}
    header .name{font-size:104px;font-weight:900;color:#b3261e;letter-spacing:.12em}
    header .meta{font:20px/1.6 "Noto Sans CJK SC",sans-serif;text-align:right}
    section{position:absolute;box-sizing:border-box;padding:10px 12px;overflow:hidden;border-top:1px solid #444}
    h2{margin:4px 0 6px;font-size:34px;line-height:1.25;font-weight:900}
    .lead h2{font-size:54px;text-align:center}
    .kicker,.column{font-size:18px;color:#444}.lead .kicker,.lead .subtitle{text-align:center}
    .column{display:inline-block;background:#b3261e;color:#fff;padding:1px 8px;margin-bottom:4px}
    .subtitle{font-size:21px;margin-bottom:6px}.byline{font:15px "Noto Sans CJK SC",sans-serif;color:#333;margin-bottom:6px}
    .body{column-width:200px;column-gap:18px;column-rule:1px solid #999;font-size:15px;line-height:1.55;text-align:justify}
    .body p{margin:0;text-indent:2em}.jump{font-weight:700}
  </style><body>
  <header><div class="meta">${esc(issue.paper.motto ?? "")}<br>第${issue.number}期</div><div class="name">${esc(issue.paper.name ?? "")}</div>
  <div class="meta">${formatIssueDate(issue.date)}<br>${weekday(issue.date)}<br>第1版 · ${esc(page.section ?? "")}</div></header>
  ${page.pieces.filter((p) => p.zones?.length).map(pieceHtml).join("\n")}
  </body></html>`;
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--disable-gpu", "--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: SCAN_WIDTH, height: SCAN_HEIGHT } });
  for (const issue of DEMO_ISSUES) {
    await page.setContent(pageHtml(issue));
    const png = await page.screenshot({ fullPage: false });
    const out = `public${DEMO_SCAN.path(issue)}`;
    const info = await sharp(png).webp({ quality: 78 }).toFile(out);
    console.log(`${out}: ${info.width}×${info.height}, ${Math.round(info.size / 1024)} KB`);
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
