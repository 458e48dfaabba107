// Character classes and small predicates shared by the parser's passes.
// Every regex here is anchored or bounded: the parser runs on untrusted text of any shape,
// so nothing may backtrack badly (see the performance test in parser.test.ts).

export const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";

/** Length without spaces: what a reader would count as the line's characters. */
export function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 32) n++;
  return n;
}

/**
 * Width as printed: a half-width character (digit, Latin letter, ASCII mark) takes half the room of a
 * Chinese character, so a full column line holding "2024年" has fewer characters than one without.
 */
export function displayWidth(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) continue;
    n += c < 0x7f ? 0.5 : 1;
  }
  return n;
}

const NUMERIC_CELL = /^[-+−]?[0-9][0-9.,]*[%‰]?$/;

/** 规上工业营业收入 3862.4 7.5 · 指标 绝对值(亿元) 同比增长(%): a table row flattened to spaced cells. */
export function isTableRowShape(s: string): boolean {
  const t = s.trim();
  if (t.length > 80 || !/\s/.test(t) || /[，,。；;！？]/.test(t)) return false;
  const cells = t.split(/\s+/);
  return cells.length >= 2 && cells.length <= 10 && cells.every((c) => c.length <= 20);
}

/** A table row with at least one number in a cell of its own. */
export function hasNumericCell(s: string): boolean {
  return s.trim().split(/\s+/).some((c) => NUMERIC_CELL.test(c));
}

function isCjkCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** True when the text is mostly Latin-script prose (an English page). */
export function isMostlyLatin(s: string): boolean {
  const end = Math.min(s.length, 200_000);
  let latin = 0;
  let cjk = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) latin++;
    else if (isCjkCode(s.charCodeAt(i))) cjk++;
  }
  return latin > 40 && latin > cjk * 3;
}

// Sentence-final marks. A closing quote or bracket ends a paragraph only after one of them:
// a bare ” closes a quoted word mid-sentence (做深做实“土特产” | 文章) far more often than a paragraph.
const FINAL = "。！？!?…．";
const CLOSERS = "”’\"'」』）)》】";
const TERMINAL_RE = new RegExp(`(?:[${FINAL}][${CLOSERS}]{0,3}|——|(?<![${CJK}][0-9]{0,12}|^[0-9]{1,12})\\.[${CLOSERS}]{0,3})$`);

/** Ends like the last line of a paragraph (or an in-body subhead ending in ——). */
export function endsSentence(s: string): boolean {
  const t = s.slice(-40).trimEnd();
  if (!t) return false;
  return TERMINAL_RE.test(t.slice(-24));
}

/** A line that cannot start a paragraph: it opens with punctuation that continues a sentence. */
export function startsWithContinuation(s: string): boolean {
  return /^[，,、。．；;：:）)」』”’！？!?…]/.test(s) && !/^[…]{2}/.test(s);
}

/** Punctuation that only appears inside sentences, never inside a Chinese headline. */
export function hasSentencePunct(s: string): boolean {
  return /[，,。；;]/.test(s);
}

/** 一、 （一） 1. 第一， 一是: an enumerated item opens its own paragraph. */
export function startsEnumerated(s: string): boolean {
  return /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[、．]|[0-9]{1,2}\.(?![0-9])|第[一二三四五六七八九十]{1,3}[，,、是]|[一二三四五六七八九十]{1,2}是|[①-⑳])/.test(s);
}

/** Lower-cased content tokens for comparing a headline with a story: CJK bigrams and Latin words. */
function contentTokens(s: string): Set<string> {
  const out = new Set<string>();
  const lower = s.toLowerCase();
  const runs = lower.match(new RegExp(`[${CJK}]+`, "g")) ?? [];
  for (const run of runs) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  for (const w of lower.match(/[a-z0-9][a-z0-9'’-]{2,}/g) ?? []) {
    if (!STOPWORDS.has(w)) out.add(w.replace(/(?:'s|’s|s)$/, ""));
  }
  return out;
}

const STOPWORDS = new Set([
  "the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "will", "has", "have",
  "had", "but", "not", "its", "his", "her", "they", "their", "our", "you", "who", "which", "into",
  "over", "after", "about", "than", "more", "says", "said",
]);

/** Share of the headline's tokens that the body also uses (0..1). */
export function overlapScore(head: string, body: string): number {
  const h = contentTokens(head);
  if (h.size === 0) return 0;
  const b = contentTokens(body);
  let hit = 0;
  for (const t of h) if (b.has(t)) hit++;
  return hit / h.size;
}
