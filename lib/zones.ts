// Zones: a piece's rectangles on the page, in fractions of the page (origin top-left).
import type { Zone } from "./import-types";

export type { Zone };

/** The bounding box of some rectangles; null for none. */
export function boundsOf(zones: Zone[]): Zone | null {
  if (zones.length === 0) return null;
  const x0 = Math.min(...zones.map((z) => z.x)), y0 = Math.min(...zones.map((z) => z.y));
  const x1 = Math.max(...zones.map((z) => z.x + z.w)), y1 = Math.max(...zones.map((z) => z.y + z.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** The area two rectangles share. */
export function overlapArea(a: Zone, b: Zone): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export const areaOf = (zones: Zone[]) => zones.reduce((s, z) => s + z.w * z.h, 0);

/** True when a point lies in any of the rectangles. */
export const covers = (zones: Zone[], x: number, y: number) =>
  zones.some((z) => x >= z.x && x <= z.x + z.w && y >= z.y && y <= z.y + z.h);
