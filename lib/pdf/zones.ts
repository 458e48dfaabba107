// A story's zone: the module it occupies as laid out, not just its ink. The bounding box of its
// parts (headline block, columns, pictures, captions) when nothing of another story lies in it:
// that takes in the gutters and the white under a short last column. Otherwise the parts are cut
// into horizontal bands, each as wide as what the story has in it: an L-shaped story gets two
// or more rectangles.
import { bottom, intersects, overlap, right, union, type Box } from "./geometry";

export function zonesFor(parts: Box[], others: Box[], frame: Box | null): Box[] {
  if (frame) return [frame];
  if (!parts.length) return [];
  const whole = union(parts);
  if (!others.some((o) => intersects(o, whole, 1.5))) return [whole];
  const ys = [...new Set(parts.flatMap((p) => [p.y, bottom(p)]))].sort((a, b) => a - b);
  const bands: Box[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const y0 = ys[i], y1 = ys[i + 1];
    if (y1 - y0 < 0.5) continue;
    const inBand = parts.filter((p) => overlap(p.y, bottom(p), y0, y1) >= 0.5 * (y1 - y0));
    if (!inBand.length) continue;
    const x0 = Math.min(...inBand.map((p) => p.x)), x1 = Math.max(...inBand.map(right));
    bands.push({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
  }
  // Merge bands of the same width; a gap between bands (headline to body) joins the band below.
  const out: Box[] = [];
  for (const b of bands) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - b.x) < 4 && Math.abs(right(last) - right(b)) < 4) {
      const x = Math.min(last.x, b.x), r = Math.max(right(last), right(b));
      out[out.length - 1] = { x, y: last.y, w: r - x, h: bottom(b) - last.y };
    } else {
      if (last && b.y > bottom(last)) { b.h = bottom(b) - bottom(last); b.y = bottom(last); }
      out.push(b);
    }
  }
  return out;
}
