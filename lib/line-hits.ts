// Where a search term sits on the page image, from the page's lines and their boxes. Chinese
// prints no spaces and breaks words across lines, so terms are found in the page's text run
// together (spaces dropped, lines joined), never by splitting on spaces, and each hit becomes one
// rectangle per line it touches, placed by its share of the line's characters: across the line,
// or down it for a line set vertically (竖排; a box far taller than wide).
import type { LineInput, Zone } from "./import-types";

const cell = (c: string) => (c.codePointAt(0)! < 0x2e80 ? 0.5 : 1);

export function lineHits(lines: LineInput[], terms: string[], limit = 200): Zone[] {
  // The page's characters without spaces, each remembering its line and its extent along it.
  const chars: { c: string; line: number; a0: number; a1: number }[] = [];
  const vertical = lines.map((l) => [...l.text].length >= 3 && l.h > 1.5 * l.w);
  lines.forEach((l, li) => {
    const all = [...l.text];
    const total = all.reduce((s, c) => s + cell(c), 0) || 1;
    const [start, length] = vertical[li] ? [l.y, l.h] : [l.x, l.w];
    let at = 0;
    for (const c of all) {
      const w = cell(c);
      if (!/\s/.test(c)) chars.push({ c: c.toLowerCase(), line: li, a0: start + (at / total) * length, a1: start + ((at + w) / total) * length });
      at += w;
    }
  });
  const text = chars.map((c) => c.c).join("");
  const out: Zone[] = [];
  for (const raw of terms) {
    const term = [...raw.replace(/\s+/g, "").toLowerCase()].join("");
    if (!term) continue;
    const n = [...term].length;
    for (let i = text.indexOf(term); i >= 0 && out.length < limit; i = text.indexOf(term, i + 1)) {
      // indexOf counts UTF-16 units; every character we keep outside the BMP would shift it.
      const start = [...text.slice(0, i)].length;
      const hit = chars.slice(start, start + n);
      for (const li of new Set(hit.map((h) => h.line))) {
        const on = hit.filter((h) => h.line === li);
        const l = lines[li];
        const a0 = on[0].a0, a1 = on.at(-1)!.a1;
        out.push(vertical[li] ? { x: l.x, y: a0, w: l.w, h: a1 - a0 } : { x: a0, y: l.y, w: a1 - a0, h: l.h });
      }
    }
  }
  return out;
}
