// Where search terms stand on a page image, from the page's words and their boxes (ALTO):
// Chinese ALTO may hold a String per character, per word or per line, so each TextLine's
// strings are joined and a match is mapped back to the boxes it covers, cut in proportion
// where it covers only part of a string.
import type { Rect } from "./zone-shape";

export type Word = { content: string; x: number; y: number; w: number; h: number };
export type Line = Word[];

export function hitRects(lines: readonly Line[], terms: readonly string[]): Rect[] {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  const out: Rect[] = [];
  for (const line of lines) {
    let text = "";
    const spans = line.map((w) => {
      const start = text.length;
      text += w.content;
      return { ...w, start, end: text.length };
    });
    for (const term of wanted) {
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
        const end = at + term.length;
        for (const s of spans) {
          if (s.end <= at || s.start >= end || s.end === s.start) continue;
          const n = s.end - s.start;
          const a = (Math.max(at, s.start) - s.start) / n;
          const b = (Math.min(end, s.end) - s.start) / n;
          out.push({ x: s.x + s.w * a, y: s.y, w: s.w * (b - a), h: s.h });
        }
      }
    }
  }
  return out;
}

/** Reads an ALTO document's lines into page fractions (origin top-left). */
export function altoLines(doc: Document): Line[] {
  const page = doc.getElementsByTagName("Page")[0];
  const pw = Number(page?.getAttribute("WIDTH")), ph = Number(page?.getAttribute("HEIGHT"));
  if (!(pw > 0 && ph > 0)) return [];
  return [...doc.getElementsByTagName("TextLine")].map((line) =>
    [...line.getElementsByTagName("String")].map((s) => ({
      content: s.getAttribute("CONTENT") ?? "",
      x: Number(s.getAttribute("HPOS")) / pw, y: Number(s.getAttribute("VPOS")) / ph,
      w: Number(s.getAttribute("WIDTH")) / pw, h: Number(s.getAttribute("HEIGHT")) / ph,
    })).filter((w) => [w.x, w.y, w.w, w.h].every(Number.isFinite)));
}
