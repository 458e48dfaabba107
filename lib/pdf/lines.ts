// Text runs → lines. poppler cuts a printed line into runs wherever the font changes (a comma set in
// another font, a digit); runs on the same baseline that touch are one line, runs across a gutter or
// a drawn rule are not.
import type { Box } from "./geometry";
import { bottom } from "./geometry";
import type { Run } from "./poppler";

/** `vertical`: set top to bottom, one character under the other (竖排, mostly headlines). */
export type Line = Box & { text: string; size: number; bold: boolean; id: number; vertical?: boolean };

const CJK_CHAR = /^[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]$/;

/**
 * Vertical text: characters set one under another in the same place across, each poppler's own
 * run (a vertical headline; 竖排). A stack is three or more single CJK characters of one size,
 * left edges aligned, each one character's advance (or a little more) under the one before, none with a run beside it on its own line
 * (which would make it the first character of a horizontal line, as at a column's edge).
 */
export function verticalStacks(runs: Run[]): { stacks: Run[][]; rest: Run[] } {
  const single = runs.filter((r) => CJK_CHAR.test(r.text.trim()) && r.w <= 1.3 * r.size && r.h <= 1.6 * r.size);
  const isSingle = new Set(single);
  // Text set across touches its neighbour; a vertical column beside another (a two-line vertical
  // headline, its kicker) keeps a line's spacing from it.
  const besideSomething = (r: Run) => runs.some((o) => {
    if (o === r || Math.abs(o.y + o.h / 2 - (r.y + r.h / 2)) >= 0.3 * Math.min(o.h, r.h)) return false;
    const gap = Math.max(o.x - (r.x + r.w), r.x - (o.x + o.w));
    return gap < (isSingle.has(o) ? 0.15 : 0.6) * Math.min(o.size, r.size);
  });
  const free = single.filter((r) => !besideSomething(r)).sort((a, b) => a.y - b.y);
  const taken = new Set<Run>();
  const stacks: Run[][] = [];
  for (const start of free) {
    if (taken.has(start)) continue;
    const stack = [start];
    for (let last = start; ; ) {
      const next = free.find((r) => !taken.has(r) && !stack.includes(r) && Math.abs(r.x - last.x) < 0.2 * last.size
        && Math.abs(r.size - last.size) < 0.06 * last.size && r.y - last.y > 0.85 * last.w && r.y - last.y < 1.7 * last.w);
      if (!next) break;
      stack.push(next);
      last = next;
    }
    if (stack.length < 3) continue;
    for (const r of stack) taken.add(r);
    stacks.push(stack);
  }
  return { stacks, rest: runs.filter((r) => !taken.has(r)) };
}

function verticalLine(stack: Run[]): Line {
  const x = Math.min(...stack.map((r) => r.x)), y = stack[0].y;
  const w = Math.max(...stack.map((r) => r.x + r.w)) - x, h = Math.max(...stack.map((r) => r.y + r.h)) - y;
  const bold = stack.filter((r) => r.bold).length > stack.length / 2;
  return { id: 0, text: stack.map((r) => r.text.trim()).join(""), x, y, w, h, size: stack[0].size, bold, vertical: true };
}

const LATIN = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

export function buildLines(all: Run[], verticalRules: Box[]): Line[] {
  const { stacks, rest: runs } = verticalStacks(all.filter((r) => r.text.trim()));
  // Runs taken left to right: each joins the line it continues (vertical centres agree, a comma
  // set in another font sits a little higher; no gutter or rule between), else starts one.
  const sorted = runs.sort((a, b) => a.x - b.x);
  type Open = { runs: Run[]; r: number; cy: number; h: number; size: number };
  const open: Open[] = [];
  for (const run of sorted) {
    const cy = run.y + run.h / 2;
    let best: Open | null = null;
    let bestScore = Infinity;
    for (const o of open) {
      const gap = run.x - o.r;
      const size = Math.min(o.size, run.size);
      // poppler gives a full-width 。 or ” its full advance even where the font tucks the next mark in.
      if (gap > 0.5 * size || gap < -0.7 * size) continue;
      const dy = Math.abs(o.cy - cy);
      if (dy > 0.3 * Math.min(o.h, run.h)) continue;
      if (crossesRule(o.r, run.x, run.y, run.y + run.h, verticalRules)) continue;
      const score = dy + Math.max(gap, 0) * 0.1;
      if (score < bestScore) { best = o; bestScore = score; }
    }
    if (best) {
      best.runs.push(run);
      best.r = Math.max(best.r, run.x + run.w);
      if (run.size >= best.size) { best.cy = cy; best.h = run.h; }
      best.size = Math.max(best.size, run.size);
    } else {
      open.push({ runs: [run], r: run.x + run.w, cy, h: run.h, size: run.size });
    }
  }
  const groups = open.map((o) => o.runs);
  const lines: Line[] = stacks.map(verticalLine);
  for (const g of groups) {
    let text = "";
    let prevRight = -Infinity;
    const weight = new Map<number, number>();
    let boldChars = 0, chars = 0;
    for (const r of g) {
      const gap = r.x - prevRight;
      // A space where the runs are apart: between words, or between names in a byline (本报记者 张三).
      if (text && !/\s$/.test(text) && (gap > 0.2 * r.size || (gap > 0.12 * r.size && LATIN.test(text) && LATIN_START.test(r.text)))) text += " ";
      text += r.text;
      prevRight = r.x + r.w;
      const n = r.text.replace(/\s/g, "").length;
      if (n) {
        weight.set(r.size, (weight.get(r.size) ?? 0) + n);
        chars += n;
        if (r.bold) boldChars += n;
      }
    }
    text = text.replace(/\s+/g, " ").trim();
    if (!text) continue;
    // A line's size is the size most of its characters are set in (a digit run may be smaller).
    const size = [...weight.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    // Where the ink starts and ends: a paragraph indented with ideographic spaces (　　) comes as a
    // run that starts with them, so its box starts at the column's edge.
    const lead = (r: Run) => r.x + (r.w / Math.max(1, r.text.length)) * (r.text.length - r.text.replace(/^\u3000+/, "").length);
    const trail = (r: Run) => r.x + r.w - (r.w / Math.max(1, r.text.length)) * (r.text.length - r.text.replace(/\u3000+$/, "").length);
    const x = Math.min(...g.map(lead)), y = Math.min(...g.map((r) => r.y));
    const rr = Math.max(...g.map(trail)), b = Math.max(...g.map((r) => r.y + r.h));
    lines.push({ id: 0, text, x, y, w: rr - x, h: b - y, size, bold: boldChars > chars / 2 });
  }
  lines.sort((a, b) => a.y - b.y || a.x - b.x);
  lines.forEach((l, i) => {
    l.id = i;
  });
  return lines;
}

function crossesRule(x0: number, x1: number, y0: number, y1: number, rules: Box[]): boolean {
  for (const v of rules) {
    const cx = v.x + v.w / 2;
    if (cx > x0 - 0.5 && cx < x1 + 0.5 && v.y < y1 && bottom(v) > y0) return true;
  }
  return false;
}

