// One synthetic issue of a daily: pages of Chinese-looking text at print sizes, with jumps
// from page 1 to page 3 (下转三版 / 上接一版). Pure and deterministic: the same seed and date
// give the same issue. Used by `epaper generate-archive` and by the benchmark.
import type { IssueInput, PageInput, PieceInput } from "../../lib/import-types";
import { intBetween, makeRng, makeZipf, mixSeed, pick } from "./prng";
import { COLUMNS, GIVEN, SECTIONS, SURNAMES, WORDS } from "./words";

export type IssueShape = {
  pages: number; // printed pages
  articlesPerPage: number;
  jumps: number; // stories that start on page 1 and continue on page 3
  minChars: number; // length of a whole story's body
  maxChars: number;
};

export const DAILY_SHAPE: IssueShape = { pages: 8, articlesPerPage: 8, jumps: 2, minChars: 600, maxChars: 1200 };

const zipf = makeZipf(WORDS.length, 1.0);
const CHINESE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"];

type Rng = () => number;

function word(rng: Rng): string {
  return WORDS[zipf(rng)];
}

function figure(rng: Rng): string {
  const r = rng();
  if (r < 0.3) return `${intBetween(rng, 1, 12)}月${intBetween(rng, 1, 28)}日`;
  if (r < 0.6) return `${intBetween(rng, 2, 98)}.${intBetween(rng, 1, 9)}%`;
  if (r < 0.8) return `${intBetween(rng, 3, 950)}${pick(rng, ["万元", "亿元", "公里", "人次", "个", "家", "项"])}`;
  return `${intBetween(rng, 12, 999)}${pick(rng, ["户", "名", "座", "处"])}`;
}

function clause(rng: Rng): string {
  const n = intBetween(rng, 3, 7);
  let s = "";
  let last = "";
  for (let i = 0; i < n; i++) {
    let w = rng() < 0.06 ? figure(rng) : word(rng);
    // "的的" or "发展发展" reads as a glitch, not as text.
    if (w === last) w = WORDS[(WORDS.indexOf(w) + 7) % WORDS.length];
    s += w;
    last = w;
  }
  return s;
}

function sentence(rng: Rng): string {
  const clauses = intBetween(rng, 2, 4);
  let s = clause(rng);
  for (let i = 1; i < clauses; i++) s += (rng() < 0.12 ? "、" : "，") + clause(rng);
  if (rng() < 0.08) return `“${s}。”`;
  return s + "。";
}

function paragraph(rng: Rng, target: number): string {
  let p = "";
  while (p.length < target) p += sentence(rng);
  return p;
}

/** A story's body: paragraphs of 80-260 characters adding up to about `chars`. */
function body(rng: Rng, chars: number): string[] {
  const out: string[] = [];
  let total = 0;
  while (total < chars) {
    const p = paragraph(rng, Math.min(intBetween(rng, 80, 260), Math.max(chars - total, 40)));
    out.push(p);
    total += p.length;
  }
  return out;
}

function headline(rng: Rng, min: number, max: number): string {
  const target = intBetween(rng, min, max);
  let s = "";
  while (s.length < target) s += (s && rng() < 0.25 ? " " : "") + word(rng);
  return s.replace(/^[的\s]+|[的\s]+$/g, "") || "要闻";
}

function person(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN);
}

function byline(rng: Rng): string {
  const names = intBetween(rng, 1, 2) === 1 ? person(rng) : `${person(rng)} ${person(rng)}`;
  return rng() < 0.3 ? `本报讯（记者 ${names}）` : `本报记者 ${names}`;
}

function story(rng: Rng, shape: IssueShape, page: number): PieceInput {
  const hasKicker = page === 1 ? rng() < 0.6 : rng() < 0.25;
  return {
    kicker: hasKicker ? headline(rng, 10, 22) : null,
    title: headline(rng, 8, 18),
    subtitle: rng() < 0.2 ? `——${headline(rng, 10, 20)}` : null,
    column: rng() < 0.1 ? pick(rng, COLUMNS) : null,
    byline: byline(rng),
    paragraphs: body(rng, intBetween(rng, shape.minChars, shape.maxChars)),
    jumpTo: null,
    jumpFrom: null,
  };
}

/** Page labels as printed: 1, 2 … */
export function pageLabels(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(i + 1));
}

/**
 * A whole issue. Page 1's first `jumps` stories break off (下转三版) and go on at the foot of
 * page 3 under a short jump headline (上接一版), as dailies print them.
 */
export function makeIssue(opts: {
  paper: { slug: string; name?: string; motto?: string | null };
  date: string;
  number?: number | null;
  seed: number;
  shape?: IssueShape;
  publish?: boolean;
}): IssueInput {
  const shape = opts.shape ?? DAILY_SHAPE;
  const rng = makeRng(mixSeed(opts.seed, opts.date));
  const labels = pageLabels(shape.pages);
  const pages: PageInput[] = labels.map((label, i) => ({
    label,
    section: SECTIONS[i % SECTIONS.length],
    pieces: Array.from({ length: shape.articlesPerPage }, () => story(rng, shape, i + 1)),
  }));
  if (shape.pages >= 3) {
    const front = pages[0].pieces;
    for (let j = 0; j < Math.min(shape.jumps, front.length); j++) {
      const opening = front[j];
      // The opening keeps about 60% of the story; the rest is printed on page 3.
      const cut = Math.max(1, Math.round(opening.paragraphs.length * 0.6));
      const rest = opening.paragraphs.slice(cut);
      if (rest.length === 0) rest.push(paragraph(rng, 120));
      opening.paragraphs = opening.paragraphs.slice(0, cut);
      opening.jumpTo = "3";
      pages[2].pieces.push({
        kicker: null, title: (opening.title ?? "").slice(0, 8) || null, subtitle: null, column: null, byline: null,
        paragraphs: rest, jumpTo: null, jumpFrom: "1",
      });
    }
  }
  return { paper: opts.paper, date: opts.date, number: opts.number ?? null, publish: opts.publish ?? true, pages };
}

/** "3" → "三版", as jump markers are printed. */
function printedLabel(label: string): string {
  const n = Number(label);
  return Number.isInteger(n) && n >= 1 && n <= CHINESE_NUMERALS.length ? `${CHINESE_NUMERALS[n - 1]}版` : `${label}版`;
}

/**
 * An issue's pages as print-extracted text (blank line between blocks, headlines on their own
 * lines, jump markers inline), the input `epaper import` and the parser take.
 */
export function issueToPageTexts(issue: IssueInput): { label: string; text: string }[] {
  return issue.pages.map((page) => {
    const blocks: string[] = [];
    for (const p of page.pieces) {
      if (p.jumpFrom) {
        if (p.title) blocks.push(p.title);
        blocks.push(`（上接${printedLabel(p.jumpFrom)}）${p.paragraphs[0]}`, ...p.paragraphs.slice(1));
        continue;
      }
      if (p.column) blocks.push(p.column);
      if (p.kicker) blocks.push(p.kicker);
      if (p.title) blocks.push(p.title);
      if (p.subtitle) blocks.push(p.subtitle);
      const paras = [...p.paragraphs];
      // A dateline (本报讯…) is printed at the head of the first paragraph, a 记者 line on its own.
      if (p.byline?.startsWith("本报讯")) paras[0] = `${p.byline} ${paras[0]}`;
      else if (p.byline) blocks.push(p.byline);
      if (p.jumpTo) paras[paras.length - 1] += `（下转${printedLabel(p.jumpTo)}）`;
      blocks.push(...paras);
    }
    return { label: page.label, text: blocks.join("\n\n") + "\n" };
  });
}

/** Characters of body text in an issue (for the summary). */
export function countCharacters(issue: IssueInput): number {
  let n = 0;
  for (const page of issue.pages) for (const p of page.pieces) for (const para of p.paragraphs) n += para.length;
  return n;
}
