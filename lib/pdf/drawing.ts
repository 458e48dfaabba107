// What the page draws besides text, sorted by what it means for layout: rules (separators between
// modules), boxes (a framed or tinted story, an advertisement) and pictures (photos, graphics).
import { area, type Box } from "./geometry";
import type { Shape } from "./poppler";

export type Drawing = { hRules: Box[]; vRules: Box[]; boxes: Box[]; pictures: Box[] };

const THIN = 3.5; // pt: thicker than any rule, thinner than any box or picture
const MIN_RULE = 24; // pt

export function classifyDrawing(shapes: Shape[], page: { width: number; height: number }): Drawing {
  const d: Drawing = { hRules: [], vRules: [], boxes: [], pictures: [] };
  const pageArea = page.width * page.height;
  for (const s of shapes) {
    if (s.w <= 0 && s.h <= 0) continue;
    if (area(s) > 0.9 * pageArea) continue; // the page's background
    const thinH = s.h <= THIN && s.w >= MIN_RULE;
    const thinV = s.w <= THIN && s.h >= MIN_RULE;
    if (thinH) { d.hRules.push(s); continue; }
    if (thinV) { d.vRules.push(s); continue; }
    if (s.w < 20 || s.h < 12) continue; // bullets, marks, decorations
    if (s.kind === "image") d.pictures.push(s);
    else if (s.kind === "stroke") {
      // A framed box: its four edges separate like rules.
      d.boxes.push(s);
      d.hRules.push({ x: s.x, y: s.y, w: s.w, h: 0.5 }, { x: s.x, y: s.y + s.h - 0.5, w: s.w, h: 0.5 });
      d.vRules.push({ x: s.x, y: s.y, w: 0.5, h: s.h }, { x: s.x + s.w - 0.5, y: s.y, w: 0.5, h: s.h });
    } else if (s.grey < 0.985) {
      // A tint: a tinted box when text sits on it, a picture otherwise (decided with the text).
      d.pictures.push(s);
    }
  }
  d.boxes = dedupe(d.boxes);
  return d;
}

function dedupe(boxes: Box[]): Box[] {
  const out: Box[] = [];
  for (const b of boxes) {
    if (!out.some((o) => Math.abs(o.x - b.x) < 2 && Math.abs(o.y - b.y) < 2 && Math.abs(o.w - b.w) < 3 && Math.abs(o.h - b.h) < 3)) out.push(b);
  }
  return out;
}
