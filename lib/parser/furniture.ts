// Page furniture: what the page prints around its stories, never inside one. Dropped before parsing
// so that a masthead or a page header cannot become the first story's kicker or title.
//   anywhere:  责任编辑：… 校对：… · 2026年11月20日 星期五 · 本版邮箱：…
//   at the top: 星城晚报 / XINGCHENG EVENING NEWS / 农历十月初二 / 今日24版 第9126期 / 3 综合 / A3 要闻 /
//               THE HARBOR CITY LEDGER / FRIDAY, NOVEMBER 20, 2026 | LATE EDITION
//   combined:   A1 要聞　　　　2024年11月21日（星期四） · B1 BUSINESS        THURSDAY, NOVEMBER 21, 2024
//               (a running header set across the page: its parts are spread out with wide spacing)
// A masthead-shaped line (…晚报, … LEDGER) is only dropped next to unmistakable furniture (a date or
// issue line): on its own it could be a story's headline (喜报, "The Daily Grind").

import { foldScript } from "./script";

const CREDITS = /^(?:责任编辑|编辑|责编|校对|美编|美术编辑|版式|版式设计|组版|审读|审校|值班编辑|值班主任|主编|制图|设计|排版|本版邮箱|本版热线|新闻热线|投稿邮箱|本版投稿|本版责编|本版编辑|本版主编|版面编辑|版面设计|图片编辑|本版统筹|统筹)\s{0,2}[:：]/;
const CN_DATE_WEEKDAY = /(?:^|\s)(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}日\s{0,3}[（(]?(?:星期|周|週|禮拜)[一二三四五六日天][）)]?(?:\s|$)/;
const LUNAR = /农历[一二三四五六七八九十正冬腊闰]{1,3}月[初十廿卅一二三四五六七八九十]{1,3}/;
const EN_DATE_WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{1,3}[a-z]{3,9}\.?\s{1,3}[0-9]{1,2},?\s{1,3}[0-9]{4}\b/i;

// Issue tokens: when removing them (and dates, separators) leaves nothing, the line is furniture.
const ISSUE_TOKENS = new RegExp([
  "今日\\s{0,2}[0-9]{1,3}\\s{0,2}版", "本期\\s{0,2}[0-9]{1,3}\\s{0,2}版", "共\\s{0,2}[0-9]{1,3}\\s{0,2}版",
  "总?第\\s{0,2}[0-9]{1,6}\\s{0,2}期", "(?:国内统一连续出版物号|邮发代号|国际标准连续出版物号)[:：]?\\s{0,2}[A-Z]{0,4}[0-9-]{2,12}",
  "CN\\s{0,2}[0-9]{2}-[0-9]{4}", "[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日", "[（(]?(?:星期|周|週|禮拜)[一二三四五六日天][）)]?", LUNAR.source,
  "[A-Z][a-z]{2,8}\\s{1,3}[0-9]{1,2},?\\s{1,3}[0-9]{4}", "(?:late|early|final|city|home|national)\\s{1,3}edition",
  "vol\\.?\\s{0,2}[0-9]{1,4}", "no\\.?\\s{0,2}[0-9]{1,6}", "\\$[0-9]{1,2}\\.[0-9]{2}",
].join("|"), "gi");

// 第6版 社会 · 第06版：要闻 · A3 要闻 · 3 综合 (a bare number needs a space before the section name).
const PAGE_HEADER = /^(?:第\s{0,2}[0-9]{1,3}\s{0,2}版|[A-Z][0-9]{1,2}\s{0,2}版?|[0-9]{1,2}\s{0,2}版)(?:\s{0,3}[:：|·]?\s{0,3}[\u4e00-\u9fff·]{1,8})?$|^[0-9]{1,2}\s{1,3}[:：|·]?\s{0,3}[\u4e00-\u9fff]{2,6}(?:\s{0,3}[·|]\s{0,3}[\u4e00-\u9fff]{2,6})?$/;

// The section name beside a page label in a combined header: 要聞, 港聞, BUSINESS, SPORTS.
const SECTION_PART = /^(?:[\u4e00-\u9fff·]{2,8}|[A-Z][A-Z&' -]{2,24})$/;
const EN_PAGE_HEADER = /^[A-Z][0-9]{1,2}\s{1,3}[A-Z][A-Z&' -]{2,24}$/;

const CN_MASTHEAD = /^[\u4e00-\u9fff]{1,8}(?:日报|晚报|早报|时报|商报|快报|导报|都市报|周报|周刊|报)$/;
const EN_MASTHEAD = /^(?:the\s)?(?:[a-z.&'’-]{1,20}\s){0,5}(?:news|daily|times|post|herald|tribune|journal|gazette|ledger|courier|chronicle|observer|record|register|inquirer|examiner|bulletin|express|telegraph|guardian|dispatch|sentinel|standard|press|globe|mirror|star)$/i;
// The motto under an English masthead: "Serving Cedar Falls … since 1912", "Established 1887".
const EN_MOTTO = /^[A-Z][^.!?]{0,80}\b(?:since|established|founded|est\.)\s(?:in\s)?1[6-9][0-9]{2}$/i;
const LATIN_CAPS = /^[A-Z][A-Z .&'’-]{3,48}$/;

/** Furniture wherever it is printed. */
function isAnywhereFurniture(line: string): boolean {
  return CREDITS.test(line) || CN_DATE_WEEKDAY.test(line);
}

/** Unmistakable furniture when printed among a page's first lines. */
function isTopFurniture(line: string): boolean {
  if (isSingleTopFurniture(line)) return true;
  // A running header spreads page label, section and date across the page: split at wide gaps,
  // every part must be furniture or a section name, and one part must be unmistakable.
  const parts = line.split(/\s{3,}|\s{0,2}[|｜]\s{0,2}/).filter(Boolean);
  if (parts.length < 2 || parts.length > 4) return false;
  let sure = false;
  for (const p of parts) {
    if (isSingleTopFurniture(p) || EN_PAGE_HEADER.test(p)) sure = true;
    else if (!SECTION_PART.test(p) && !EN_MASTHEAD.test(p)) return false;
  }
  return sure;
}

function isSingleTopFurniture(line: string): boolean {
  if (isAnywhereFurniture(line) || PAGE_HEADER.test(line) || EN_DATE_WEEKDAY.test(line)) return true;
  ISSUE_TOKENS.lastIndex = 0;
  const rest = line.replace(ISSUE_TOKENS, "");
  return rest.length < line.length && /^[\s|·•,，:：/／()（）-]*$/.test(rest);
}

/** Shaped like a paper's name: 星城晚报, XINGCHENG EVENING NEWS, THE HARBOR CITY LEDGER. */
function isMastheadShape(line: string, english: boolean): boolean {
  const t = line.trim();
  if (english && EN_MOTTO.test(t)) return true;
  if (t.split(/\s+/).length > 6) return false;
  // Title case is allowed too (The Cedar Valley Courier): it only goes beside a date or issue line.
  if (english) return (EN_MASTHEAD.test(t) && t.split(/\s+/).every((w) => /^[A-Z]/.test(w)));
  return CN_MASTHEAD.test(t) || LATIN_CAPS.test(t);
}

const TOP_LINES = 8;

// Separate-line page header: a bare page label (5, 12, A7) and a short section name (专题, 法治·社会).
const BARE_PAGE_LABEL = /^(?:[A-Z]?[0-9]{1,3}|[A-Z][0-9]{0,2})$/;
const SECTION_NAME = /^[\u4e00-\u9fff·]{2,6}$/;

type TopKind = "sure" | "mast" | "label" | "section";

/**
 * A header printed one item per line (5 / 法治·社会 / date / 责任编辑…): a bare label goes when it
 * touches other header lines; a section name only beside a page label or with header lines below it,
 * because a short line directly above a title is more likely its kicker or column (政策解读).
 */
function headerItemDropped(run: { kind: TopKind }[], k: number): boolean {
  const prev = run[k - 1]?.kind;
  const next = run[k + 1]?.kind;
  const furniture = (x: TopKind | undefined) => x === "sure" || x === "label" || x === "section";
  if (run[k].kind === "label") return furniture(prev) || furniture(next);
  return prev === "label" || next === "label" || next === "sure";
}

/**
 * Indexes (into `lines`, blank ones included) of furniture to drop: furniture lines anywhere, and at
 * the top of the page the run of furniture and masthead lines before the first story line.
 */
export function furnitureLines(lines: string[], english: boolean): Set<number> {
  const drop = new Set<number>();
  const top: { index: number; kind: TopKind }[] = [];
  let seen = 0;
  let inRun = true;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw) continue;
    const near = seen++ < TOP_LINES;
    // Keyword patterns are written in simplified forms: 責任編輯 is matched as 责任编辑. Below the top,
    // only a line's opening (责任编辑：…) needs it.
    const t = near ? foldScript(raw) : foldScript(raw.slice(0, 12)) + raw.slice(12);
    // Wide spacing inside a header line is layout, not text: it does not make the line long.
    // A header set with | between its parts (A7 | LOCAL | paper | date) may run longer.
    if (t.length > 60 && t.replace(/\s{2,}/g, " ").length > (/[|｜].{0,60}[|｜]/.test(t) ? 100 : 60)) {
      inRun = false;
      continue;
    }
    if (near ? isTopFurniture(t) : isAnywhereFurniture(t)) {
      drop.add(i);
      if (inRun) top.push({ index: i, kind: "sure" });
    } else if (near && inRun && isMastheadShape(t, english)) {
      top.push({ index: i, kind: "mast" });
    } else if (near && inRun && BARE_PAGE_LABEL.test(t)) {
      top.push({ index: i, kind: "label" });
    } else if (near && inRun && !english && SECTION_NAME.test(t)) {
      top.push({ index: i, kind: "section" });
    } else {
      inRun = false;
    }
  }
  // Masthead lines go only together with real furniture in the same top run.
  if (top.some((l) => l.kind === "sure")) for (const l of top) if (l.kind === "mast") drop.add(l.index);
  top.forEach((l, k) => {
    if ((l.kind === "label" || l.kind === "section") && headerItemDropped(top, k)) drop.add(l.index);
  });
  return drop;
}
