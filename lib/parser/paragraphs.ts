// Rejoining paragraphs that the page layout cut: column breaks ("实现乡村振" | "兴的重要支撑"),
// hyphenated English line ends ("alter-" | "native") and hard-wrapped English lines.
import { isBylineLine, isDatelineLine, splitDateline } from "./bylines";
import { isCaption } from "./captions";
import { isColumnLabel, isHeadingLike, isInterviewTurn, isParallelHead } from "./headings";
import type { Unit } from "./units";
import {
  displayWidth, endsSentence, hasNumericCell, isTableRowShape, startsEnumerated, startsWithContinuation, visibleLength,
} from "./text";

/** Starts a new block whatever the layout: an author line, a dateline, a subtitle, a list item, a caption. */
function startsBlock(next: Unit, english: boolean): boolean {
  const t = next.text;
  return next.indent || /^(?:——|――|──|--)/.test(t) || isBylineLine(t) || !!splitDateline(t) || isDatelineLine(t)
    || startsEnumerated(t) || (!english && (isCaption(t) || isInterviewTurn(t)));
}

/** Opens something new, a headline included, unless it opens with punctuation that continues a sentence. */
function opensBlock(next: Unit, english: boolean): boolean {
  if (startsWithContinuation(next.text)) return false;
  return startsBlock(next, english) || isHeadingLike(next.text, english);
}

function isBodyLike(u: Unit, english: boolean): boolean {
  return u.lines > 1 || !isHeadingLike(u.text, english);
}

// Words printed with a hyphen of their own, which a line end must not swallow (self-|driving).
const KEEP_HYPHEN = new Set([
  "self", "well", "ex", "all", "half", "so", "long", "short", "high", "low", "full", "part", "far",
  "cross", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
  "second", "third", "year", "decade", "state", "city", "light", "mid", "non", "post", "pre", "anti",
  "co", "re", "vice", "e", "x", "t", "u", "twenty", "thirty", "forty", "fifty",
]);

function hyphenBreak(prev: string, next: string): "keep" | "drop" | null {
  const m = /([A-Za-z]+)-$/.exec(prev.slice(-40));
  if (!m || !/^[a-z]/.test(next)) return null;
  return KEEP_HYPHEN.has(m[1].toLowerCase()) || /^[A-Z]/.test(m[1]) && m[1].length > 1 && m[1] === m[1].toUpperCase() ? "keep" : "drop";
}

/** A row of a flattened table (after "…如下：" or another row): its own paragraph, never run on. */
function startsTableRow(prev: Unit, next: Unit): boolean {
  return isTableRowShape(next.text) && (hasNumericCell(next.text) || /[:：]$/.test(prev.text));
}

/** Layout of a Chinese page's text, measured once per page. */
type Layout = { wrapWidth: number; indented: boolean };

function shouldJoin(prev: Unit, next: Unit, english: boolean, shortLine: number, layout: Layout): boolean {
  if (prev.kind !== "text" || next.kind !== "text" || prev.toLabel || next.afterFrom || prev.verse || next.verse) return false;
  if (!english && startsTableRow(prev, next)) return false;
  const { wrapWidth } = layout;
  if (!english && wrapWidth > 0 && next.blankBefore === 0 && Math.round(displayWidth(prev.text)) >= wrapWidth
    && !isCaption(prev.text) && !startsBlock(next, false)) {
    // Column-wrapped Chinese text: a full-width line runs on into the next, unless a sentence ends
    // exactly at the line end and a headline follows.
    return !(endsSentence(prev.text) && isHeadingLike(next.text, false));
  }
  if (!english && layout.indented && next.blankBefore === 0 && !next.indent && !startsBlock(next, false)
    && (prev.indent || prev.lines > 1) && !isCaption(prev.text) && !endsSentence(prev.text)
    && (!isHeadingLike(next.text, false) || (wrapWidth > 0 && Math.round(displayWidth(next.text)) >= wrapWidth))) {
    // Paragraphs marked by indentation: an unindented line under an unfinished paragraph line runs on,
    // however short that line looks (本报讯（记者 邵琳）11月起，市图 | 书馆二楼…), unless it is shaped
    // like a headline (short, unpunctuated): a story cut off mid-sentence can be followed by a title.
    return true;
  }
  // 四、返还赃款：“钱回来了，心也安了”: a numbered section head is a paragraph of its own, whatever
  // its last character (it may end in a quote or have commas inside).
  if (!english && isNumberedHead(prev)) return false;
  // 产业兴了，村子活了: an unpunctuated subhead of matched clauses, not a paragraph cut by a column end.
  if (!english && prev.lines === 1 && next.blankBefore > 0 && isParallelHead(prev.text) && !startsWithContinuation(next.text)) return false;
  if (english && hyphenBreak(prev.text, next.text)) return true;
  // A pull quote's attribution ("— Janet Okafor, library director") closes the quote: one block.
  if (english && ATTRIBUTION.test(prev.text)) return false;
  if (english && ATTRIBUTION.test(next.text)) return /[”"]$/.test(prev.text);
  // A short line standing alone between blank lines (a factbox item, a label): not a column break,
  // unless the next block reads on in lower case (a paragraph's first line cut by the column end).
  if (english && next.blankBefore > 0 && prev.lines === 1 && prev.text.length <= 60 && !/^[a-z]/.test(next.text)) return false;
  // A headline of one or two short lines, then a blank and a one-line deck: not a column break.
  if (english && next.blankBefore > 0 && next.lines === 1 && prev.lines <= 2 && prev.text.length <= 100
    && /^[A-Z]/.test(next.text) && !endsSentence(next.text) && !endsSentence(prev.text)) return false;
  if (!english && prev.lines === 1 && isCaption(prev.text)) return false;
  if (startsWithContinuation(next.text)) return !/——$/.test(prev.text);
  if (opensBlock(next, english)) return false;
  if (!isBodyLike(prev, english)) return english && next.blankBefore === 0 && /^[a-z]/.test(next.text);
  if (!endsSentence(prev.text)) return true;
  // An English line that ends a sentence ends its paragraph only when it is short (or a blank line
  // follows); a full-width line ending in a full stop is just a wrapped line.
  return english && next.blankBefore === 0 && prev.lastLineLength >= shortLine && prev.lastLineLength <= 120;
}

function joinText(prev: string, next: string, english: boolean): string {
  if (!english) return prev + next;
  const hyphen = hyphenBreak(prev, next);
  if (hyphen === "drop") return prev.slice(0, -1) + next;
  if (ATTRIBUTION.test(next)) return `${prev} ${next}`;
  if (hyphen === "keep" || /[—–]$/.test(prev) || /^[—–]/.test(next)) return prev + next;
  return `${prev} ${next}`;
}

const NUMBERED_HEAD = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])/;

/** One short line opening with 一、 or （一）, not cut off mid-clause: a numbered section head. */
function isNumberedHead(u: Unit): boolean {
  return u.lines === 1 && visibleLength(u.text) <= 30 && NUMBERED_HEAD.test(u.text) && !/[，,、；;：:]$/.test(u.text);
}

const ATTRIBUTION = /^[—–]\s?[A-Z][A-Za-z.'’-]+\s[A-Z][^.!?]{0,60}$/;

/** Typical length of a full body line: lines much shorter than this end a paragraph. */
function fullLineLength(units: Unit[]): number {
  const lengths = units.filter((u) => u.kind === "text" && u.text.length >= 20).map((u) => u.text.length);
  if (lengths.length < 5) return Number.POSITIVE_INFINITY;
  lengths.sort((a, b) => a - b);
  return Math.floor(lengths[Math.floor(lengths.length / 2)] * 0.75);
}

/**
 * When most lines of a Chinese page have (nearly) the same length, the text was extracted line by
 * line from narrow columns: returns the length from which a line counts as full, else 0.
 */
function chineseWrapWidth(units: Unit[], minLines: number): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const u of units) {
    if (u.kind !== "text") continue;
    const n = Math.round(displayWidth(u.text));
    if (n < 8) continue;
    total++;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  if (total < minLines) return 0;
  let best = 0;
  let width = 0;
  for (const n of counts.keys()) {
    let c = 0;
    for (let d = -1; d <= 3; d++) c += counts.get(n + d) ?? 0;
    if (c > best) {
      best = c;
      width = n;
    }
  }
  return width <= 40 && best >= total * 0.5 ? width - 1 : 0;
}

/**
 * An English headline too wide for its column is printed on two lines with no blank between them
 * ("Council Passes $1.2 Billion Budget" | "After Late-Night Vote"): one headline. A section label in
 * capitals ("CITY HALL") above a headline stays apart.
 */
function wrapsHeadline(prev: Unit, next: Unit, english: boolean): boolean {
  if (!english || next.blankBefore > 0 || prev.kind !== "text" || next.kind !== "text" || prev.lines !== 1) return false;
  if (prev.toLabel || next.afterFrom || prev.text.length + next.text.length > 110) return false;
  if (!isHeadingLike(prev.text, true) || !isHeadingLike(next.text, true) || startsBlock(next, true) || isBylineLine(prev.text)) return false;
  const caps = (s: string) => s === s.toUpperCase();
  return caps(prev.text) === caps(next.text) && !isColumnLabel(prev.text, true) && !/[:?!]$/.test(prev.text);
}

/** An indented page shows its line-by-line extraction plainly: fewer lines suffice to measure it. */
function chineseLayout(units: Unit[]): Layout {
  const indented = indentMarked(units);
  return { wrapWidth: chineseWrapWidth(units, indented ? 10 : 20), indented };
}

/** Paragraph starts are marked by indentation: several indented lines follow others with no blank. */
function indentMarked(units: Unit[]): boolean {
  let n = 0;
  for (const u of units) if (u.kind === "text" && u.indent && u.blankBefore === 0 && ++n >= 3) return true;
  return false;
}

/**
 * A Chinese ——subtitle too long for its line wraps its last words onto the next one (——…林启航主持 |
 * 并讲话, ——…综述 | 之一): a short unpunctuated line right below, with no blank line between.
 */
function wrapsSubtitle(prev: Unit, next: Unit, english: boolean): boolean {
  if (english || next.blankBefore > 0 || prev.kind !== "text" || next.kind !== "text" || prev.lines !== 1) return false;
  if (!/^(?:——|――|──|--)/.test(prev.text) || /[。！？]$/.test(prev.text) || prev.toLabel || next.afterFrom) return false;
  return visibleLength(next.text) <= 8 && isHeadingLike(next.text, false) && !startsBlock(next, false)
    && !isColumnLabel(next.text, false) && visibleLength(prev.text) + visibleLength(next.text) <= 70;
}

export function joinFragments(units: Unit[], english: boolean): Unit[] {
  const shortLine = english ? fullLineLength(units) : Number.POSITIVE_INFINITY;
  const layout: Layout = english ? { wrapWidth: 0, indented: false } : chineseLayout(units);
  // A paragraph is built from parts and joined once: growing one string and inspecting its end
  // on every line would flatten it each time, which is quadratic on a page with no blank lines.
  const out: { unit: Unit; parts: string[] }[] = [];
  const place = (u: Unit) => {
    const prev = out[out.length - 1];
    if (prev && (wrapsHeadline(prev.unit, u, english) || wrapsSubtitle(prev.unit, u, english))) {
      // Still one line as far as the later passes go: it is read as a headline.
      const text = english ? `${prev.unit.text} ${u.text}` : prev.unit.text + u.text;
      prev.parts = [text];
      prev.unit = { ...prev.unit, text, lastLineLength: u.lastLineLength, toLabel: u.toLabel };
    } else if (prev && shouldJoin(prev.unit, u, english, shortLine, layout)) {
      const tail = prev.unit.text;
      const joined = joinText(tail, u.text, english);
      // joinText only touches the seam, so the new tail is what follows the previous parts.
      prev.parts.pop();
      prev.parts.push(joined.slice(0, joined.length - u.text.length));
      prev.parts.push(u.text);
      prev.unit = { ...prev.unit, text: u.text, lines: prev.unit.lines + u.lines, lastLineLength: u.lastLineLength, toLabel: u.toLabel };
    } else {
      out.push({ unit: u, parts: [u.text] });
    }
  };
  // Captions printed inside a column break ("…设计师、手艺" | ▲ caption | "人和返乡青年…") are held
  // back until the paragraph they interrupt is whole again, then set down after it.
  let held: Unit[] = [];
  const flush = () => {
    for (const h of held) out.push({ unit: h, parts: [h.text] });
    held = [];
  };
  for (const u of units) {
    const last = out[out.length - 1]?.unit;
    if (!english && u.kind === "text" && u.lines === 1 && isCaption(u.text)
      && (held.length > 0 || (last && interruptible(last)))) {
      held.push(u);
      continue;
    }
    if (held.length > 0 && !(last && shouldJoin(last, u, english, shortLine, layout))) flush();
    place(u);
  }
  flush();
  return out.map(({ unit, parts }) => (parts.length === 1 ? unit : { ...unit, text: parts.join("") }));
}

/** A body paragraph cut off mid-sentence, which a caption may sit inside of. */
function interruptible(u: Unit): boolean {
  return u.kind === "text" && !u.toLabel && !endsSentence(u.text) && !isCaption(u.text) && isBodyLike(u, false);
}
