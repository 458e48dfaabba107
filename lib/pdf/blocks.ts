// Lines → blocks: the lines of one column segment (or one headline) set in one size, one under the
// other, with nothing drawn between them. A block never crosses a rule or a box's edge.
import type { Drawing } from "./drawing";
import { bottom, inside, right, xOverlap, type Box } from "./geometry";
import type { Line } from "./lines";

export type Block = Box & { lines: Line[]; size: number; bold: boolean; box: number; id: number };

/** Index of the innermost box holding b, or -1. */
export function boxOf(b: Box, boxes: Box[]): number {
  let best = -1;
  let bestArea = Infinity;
  boxes.forEach((x, i) => {
    if (inside(b, x, 2) && x.w * x.h < bestArea) { best = i; bestArea = x.w * x.h; }
  });
  return best;
}

export function ruleBetween(a: Box, b: Box, rules: Box[]): boolean {
  const top = bottom(a), bot = b.y;
  const x0 = Math.max(a.x, b.x), x1 = Math.min(right(a), right(b));
  const span = Math.max(x1 - x0, 1);
  for (const r of rules) {
    const ry = r.y + r.h / 2;
    if (ry < top - 1 || ry > bot + 1) continue;
    if (Math.min(right(r), x1) - Math.max(r.x, x0) >= 0.5 * span) return true;
  }
  return false;
}

export function buildBlocks(lines: Line[], d: Drawing, frames: Box[]): Block[] {
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const boxIdx = lines.map((l) => boxOf(l, frames));
  const byY = lines.map((_, i) => i).sort((a, b) => lines[a].y - lines[b].y);
  for (let p = 0; p < byY.length; p++) {
    const a = lines[byY[p]];
    // Link each line to the nearest line below it that continues its block.
    let bestJ = -1;
    let bestGap = Infinity;
    for (let q = p + 1; q < byY.length; q++) {
      const b = lines[byY[q]];
      const gap = b.y - bottom(a);
      const size = Math.max(a.size, b.size);
      if (gap > 1.0 * size) break;
      // A vertical line is a block of its own; a vertical head's lines are joined as a head.
      if (a.vertical || b.vertical) continue;
      if (gap < -0.4 * Math.min(a.h, b.h)) continue;
      if (Math.abs(a.size - b.size) > 0.07 * size) continue;
      if (boxIdx[byY[p]] !== boxIdx[byY[q]]) continue;
      const ov = xOverlap(a, b);
      // Overlapping, or starting at the column's edge (a paragraph's short last line, then an
      // indented first line).
      if (ov < 0.5 * Math.min(a.w, b.w) && !(Math.abs(a.x - b.x) <= 2.5 * size)) continue;
      if (gap < bestGap) { bestGap = gap; bestJ = byY[q]; }
    }
    if (bestJ >= 0 && !ruleBetween(a, lines[bestJ], d.hRules)) parent[find(bestJ)] = find(byY[p]);
  }
  const index = new Map(lines.map((l, i) => [l, i]));
  const groups = new Map<number, Line[]>();
  lines.forEach((l, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), l]);
  });
  const blocks: Block[] = [];
  for (const ls of groups.values()) {
    ls.sort((a, b) => a.y - b.y || a.x - b.x);
    const x = Math.min(...ls.map((l) => l.x)), y = Math.min(...ls.map((l) => l.y));
    const chars = (l: Line) => l.text.length;
    const total = ls.reduce((s, l) => s + chars(l), 0);
    const size = ls.reduce((s, l) => s + l.size * chars(l), 0) / Math.max(total, 1);
    blocks.push({
      id: 0, lines: ls, x, y, w: Math.max(...ls.map(right)) - x, h: Math.max(...ls.map(bottom)) - y,
      size, bold: ls.filter((l) => l.bold).length > ls.length / 2, box: boxIdx[index.get(ls[0])!],
    });
  }
  blocks.sort((a, b) => a.y - b.y || a.x - b.x);
  blocks.forEach((b, i) => {
    b.id = i;
  });
  return blocks;
}
