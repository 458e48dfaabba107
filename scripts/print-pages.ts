// Lays out newspaper pages (db/seed/pdf-issue-layout.ts) as HTML and prints each with Chromium
// to a PDF, as a layout program would export it: six columns, headlines across columns, rules,
// furniture, an advertisement. Used by the demo (make-demo-pdfs.ts) and the import benchmark.
import { chromium } from "@playwright/test";
import { PDF_ISSUE, type PageLayout, type StoryLayout } from "../db/seed/pdf-issue-layout";

const W = 1320, H = 1880, LEFT = 60, COL = 190, GAP = 12;
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const printed = (label: string) => `第${label}版`;

function storyHtml(s: StoryLayout): string {
  const left = LEFT + s.col * (COL + GAP), width = s.span * COL + (s.span - 1) * GAP;
  const big = s.span >= 4;
  const head = [
    s.kicker && `<div class="kicker">${esc(s.kicker)}</div>`,
    `<h2 class="${big ? "big" : ""}">${esc(s.title)}</h2>`,
    s.jumpFrom && `<div class="from">（上接${printed(s.jumpFrom)}）</div>`,
    s.subtitle && `<div class="subtitle">${esc(s.subtitle)}</div>`,
    s.byline && `<div class="byline">${esc(s.byline)}</div>`,
  ].filter(Boolean).join("");
  return `<section class="${s.boxed ? "boxed" : ""}" style="left:${left}px;top:${s.top}px;width:${width}px;height:${s.height}px">
    <div class="head">${head}</div>
    <div class="body" style="column-count:${s.span}">${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}</div>
    ${s.jumpTo ? `<div class="jump">（下转${printed(s.jumpTo)}）</div>` : ""}
  </section>`;
}

function pageHtml(page: PageLayout, issue: typeof PDF_ISSUE): string {
  const front = page.label === "1";
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
  @page { size: ${W}px ${H}px; margin: 0 }
  html,body{margin:0;width:${W}px;height:${H}px;overflow:hidden;background:#fff;color:#111;font-family:"Noto Serif CJK SC",serif}
  .masthead{position:absolute;left:${LEFT}px;right:${LEFT}px;top:28px;height:120px;border-bottom:4px double #222}
  .masthead .name{position:absolute;left:0;top:0;font-size:${front ? 86 : 40}px;font-weight:900;color:#b3261e;letter-spacing:.1em}
  .masthead .en{position:absolute;left:4px;bottom:8px;font:14px "Noto Sans CJK SC",sans-serif;letter-spacing:.3em}
  .masthead .meta{position:absolute;right:0;top:8px;text-align:right;font:16px/1.7 "Noto Sans CJK SC",sans-serif}
  section{position:absolute;box-sizing:border-box;border-top:1px solid #333;padding-top:8px;overflow:hidden}
  section.boxed{border:1.5px solid #333;padding:8px 10px}
  .kicker{font-size:17px;line-height:1.4;margin-bottom:2px}
  h2{margin:0 0 6px;font-size:30px;line-height:1.25;font-weight:900}
  h2.big{font-size:50px;text-align:center}
  .from{font-size:15px;margin-bottom:6px}
  .subtitle{font-size:20px;margin-bottom:6px}
  section .kicker:first-child,section:has(h2.big) .subtitle{text-align:center}
  .byline{font:14px/1.5 "Noto Sans CJK SC",sans-serif;margin-bottom:8px}
  .body{column-gap:${GAP}px;column-fill:auto;font-size:15px;line-height:1.6;height:calc(100% - var(--head, 0px))}
  .body p{margin:0;text-indent:2em}
  .jump{position:absolute;right:0;bottom:0;font-size:15px;background:#fff;padding-left:8px}
  .ad{position:absolute;left:${LEFT}px;right:${LEFT}px;border:3px solid #b3261e;background:#fbeee9;text-align:center;color:#b3261e}
  .ad div{font-size:40px;font-weight:900;margin-top:40px}.ad div+div{font-size:28px;font-weight:400;margin-top:18px}
  .foot{position:absolute;left:${LEFT}px;right:${LEFT}px;top:${H - 44}px;border-top:1px solid #333;padding-top:6px;font:13px "Noto Sans CJK SC",sans-serif;display:flex;justify-content:space-between}
  </style><body>
  <div class="masthead"><div class="name">${issue.paper}</div>${front ? `<div class="en">${issue.paperEn}</div>` : ""}
    <div class="meta">${issue.dateText}<br>第${issue.number}期<br>${printed(page.label.padStart(2, "0"))} ${page.section}</div></div>
  ${page.stories.map(storyHtml).join("\n")}
  ${page.ad ? `<div class="ad" style="top:${page.ad.top}px;height:${page.ad.height}px">${page.ad.text.map((t) => `<div>${esc(t)}</div>`).join("")}</div>` : ""}
  <div class="foot"><span>责任编辑 方既白　版式 吴可</span><span>${issue.paper} ${printed(page.label.padStart(2, "0"))}</span></div>
  <script>for (const s of document.querySelectorAll("section")) {
    const head = s.querySelector(".head"); const body = s.querySelector(".body"); const jump = s.querySelector(".jump");
    body.style.height = (s.clientHeight - head.offsetHeight - 12 - (jump ? jump.offsetHeight : 0)) + "px";
  }</script>
  </body></html>`;
}

/** Prints each page to a PDF (1320 × 1880 CSS px, 990 × 1410 pt). */
export async function printPages(pages: PageLayout[], issue: typeof PDF_ISSUE = PDF_ISSUE): Promise<Buffer[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--disable-gpu", "--no-sandbox"] });
  try {
    const tab = await browser.newPage();
    const out: Buffer[] = [];
    for (const page of pages) {
      await tab.setContent(pageHtml(page, issue), { waitUntil: "load" });
      await tab.evaluate(() => document.fonts.ready);
      out.push(await tab.pdf({ width: `${W}px`, height: `${H}px`, printBackground: true, preferCSSPageSize: true }));
    }
    return out;
  } finally {
    await browser.close();
  }
}
