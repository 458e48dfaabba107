// Text runs → lines. poppler cuts a printed line into runs wherever the font changes (a comma set in
// another font, a digit); runs on the same baseline that touch are one line, runs across a gutter or
// a drawn rule are not.
import type { Box } from "./geometry";
import { bottom } from "./geometry";
import type { Run } from "./poppler";

export type Line = Box & { text: string; size: number; bold: boolean; id: number };

const LATIN = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

export function buildLines(runs: Run[], verticalRules: Box[]): Line[] {
  // Runs taken left to right: each joins the line it continues (vertical centres agree, a comma
  // set in another font sits a little higher; no gutter or rule between), else starts one.
  const sorted = runs.filter((r) => r.text.trim()).sort((a, b) => a.x - b.x);
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
  const lines: Line[] = [];
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

