// Splits text into plain and matched segments, for <mark> built as React elements (never HTML
// strings). Shared by the results page (server) and the article highlighter (client): no imports.

export type Segment = { text: string; hit: boolean };

const MAX_TERMS = 16;
const MAX_TERM_CHARS = 50;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Cleans terms that came from a URL: trimmed, bounded, longest first (so 进出口 wins over 出口). */
export function cleanTerms(terms: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const t of terms) {
    if (typeof t !== "string") continue;
    const term = t.trim().slice(0, MAX_TERM_CHARS);
    if (term && /[\p{L}\p{N}]/u.test(term)) out.add(term);
    if (out.size >= MAX_TERMS) break;
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** A case-insensitive pattern matching any of the terms, or null when there are none. */
export function termsPattern(terms: readonly string[]): RegExp | null {
  const clean = cleanTerms(terms);
  return clean.length ? new RegExp(clean.map(escapeRegExp).join("|"), "giu") : null;
}

/** The whole text as segments, matches marked. */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const pattern = termsPattern(terms);
  if (!pattern || !text) return text ? [{ text, hit: false }] : [];
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    if (m[0].length === 0) continue;
    if (start > last) out.push({ text: text.slice(last, start), hit: false });
    out.push({ text: m[0], hit: true });
    last = start + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

/**
 * A window of about `size` characters around the first match (or the opening, when no term
 * appears verbatim), with ellipses where it was cut, as segments.
 */
export function snippetSegments(text: string, terms: readonly string[], size = 110): Segment[] {
  const pattern = termsPattern(terms);
  const first = pattern ? text.search(pattern) : -1;
  let start = first < 0 ? 0 : Math.max(0, first - Math.floor(size / 4));
  // Start after the nearest break before the window (so "…0时" never begins mid-number), or at
  // least not inside a run of digits or Latin letters.
  if (start > 0) {
    const before = text.slice(Math.max(0, start - 24), start);
    const brk = Math.max(...[..."。！？；，、：\n "].map((c) => before.lastIndexOf(c)));
    if (brk >= 0) start = start - before.length + brk + 1;
    else while (start > 0 && /[0-9A-Za-z.%]/.test(text[start - 1]) && /[0-9A-Za-z.%]/.test(text[start])) start--;
  }
  // Do not start in the middle of a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--;
  let end = Math.min(text.length, start + size);
  if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end++;
  const segments = highlightSegments(text.slice(start, end), terms);
  if (start > 0) segments.unshift({ text: "…", hit: false });
  if (end < text.length) segments.push({ text: "…", hit: false });
  return segments;
}

/** Reads ?hl=term1+term2 (see articleHref in ./params) back into terms. */
export function parseHighlightParam(hl: string | null | undefined): string[] {
  return cleanTerms((hl ?? "").split(/\s+/));
}
