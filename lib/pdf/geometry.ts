// Boxes in points, origin top-left, and the few operations the reader needs on them.
export type Box = { x: number; y: number; w: number; h: number };

export const right = (b: Box) => b.x + b.w;
export const bottom = (b: Box) => b.y + b.h;

export function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x)), y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map(right)) - x, h: Math.max(...boxes.map(bottom)) - y };
}

/** Length of the overlap of [a0, a1] and [b0, b1] (0 when apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export const xOverlap = (a: Box, b: Box) => overlap(a.x, right(a), b.x, right(b));
export const yOverlap = (a: Box, b: Box) => overlap(a.y, bottom(a), b.y, bottom(b));

export function intersects(a: Box, b: Box, pad = 0): boolean {
  return a.x < right(b) - pad && b.x < right(a) - pad && a.y < bottom(b) - pad && b.y < bottom(a) - pad;
}

/** a lies inside b, give or take `pad`. */
export function inside(a: Box, b: Box, pad = 2): boolean {
  return a.x >= b.x - pad && a.y >= b.y - pad && right(a) <= right(b) + pad && bottom(a) <= bottom(b) + pad;
}

export const area = (b: Box) => Math.max(0, b.w) * Math.max(0, b.h);
