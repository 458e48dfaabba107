// A story's zone on a page may be several rectangles (an L-shaped story). Readers must see one
// shape: one fill without darker overlaps, and one outline along the union's edge, with no
// lines where two rectangles meet. Coordinates are fractions of the page (origin top-left).
export type Rect = { x: number; y: number; w: number; h: number };

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** Rectangles cut to the page, empty ones dropped. */
export function cleanRects(rects: readonly Rect[]): Rect[] {
  return rects.flatMap((r) => {
    const x0 = clamp01(r.x), y0 = clamp01(r.y), x1 = clamp01(r.x + r.w), y1 = clamp01(r.y + r.h);
    return x1 > x0 && y1 > y0 ? [{ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }] : [];
  });
}

/** The smallest rectangle holding them all, or null for none. */
export function boundingRect(rects: readonly Rect[]): Rect | null {
  const rs = cleanRects(rects);
  if (rs.length === 0) return null;
  const x0 = Math.min(...rs.map((r) => r.x)), y0 = Math.min(...rs.map((r) => r.y));
  const x1 = Math.max(...rs.map((r) => r.x + r.w)), y1 = Math.max(...rs.map((r) => r.y + r.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const fmt = (n: number, scale: number) => String(Math.round(n * scale * 100) / 100);

/**
 * SVG path data for the union of the rectangles, in a `scale`-unit square: `fill` covers it
 * once (cells of the grid the rectangles' edges make), `edge` traces only its outer boundary.
 */
export function zonePaths(rects: readonly Rect[], scale = 1000): { fill: string; edge: string } {
  const rs = cleanRects(rects);
  if (rs.length === 0) return { fill: "", edge: "" };
  const xs = [...new Set(rs.flatMap((r) => [r.x, r.x + r.w]))].sort((a, b) => a - b);
  const ys = [...new Set(rs.flatMap((r) => [r.y, r.y + r.h]))].sort((a, b) => a - b);
  const eps = 1e-9;
  const covered = (i: number, j: number) => {
    if (i < 0 || j < 0 || i >= xs.length - 1 || j >= ys.length - 1) return false;
    const cx = (xs[i] + xs[i + 1]) / 2, cy = (ys[j] + ys[j + 1]) / 2;
    return rs.some((r) => cx > r.x - eps && cx < r.x + r.w + eps && cy > r.y - eps && cy < r.y + r.h + eps);
  };
  const f = (n: number) => fmt(n, scale);
  const fill: string[] = [];
  const edge: string[] = [];
  for (let i = 0; i < xs.length - 1; i++) {
    for (let j = 0; j < ys.length - 1; j++) {
      if (!covered(i, j)) continue;
      const [x0, x1, y0, y1] = [xs[i], xs[i + 1], ys[j], ys[j + 1]];
      fill.push(`M${f(x0)} ${f(y0)}H${f(x1)}V${f(y1)}H${f(x0)}Z`);
      if (!covered(i, j - 1)) edge.push(`M${f(x0)} ${f(y0)}H${f(x1)}`);
      if (!covered(i, j + 1)) edge.push(`M${f(x0)} ${f(y1)}H${f(x1)}`);
      if (!covered(i - 1, j)) edge.push(`M${f(x0)} ${f(y0)}V${f(y1)}`);
      if (!covered(i + 1, j)) edge.push(`M${f(x1)} ${f(y0)}V${f(y1)}`);
    }
  }
  return { fill: fill.join(""), edge: edge.join("") };
}
