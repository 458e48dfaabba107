// Verse: a poem on a literary page (副刊) is printed as short lines, one per verse line, in stanzas
// separated by blank lines, under its title and a □ byline. Read line by line, every verse line
// looks like a headline; grouped here, each stanza becomes one paragraph (lines joined by "\n").
import { isBylineLine, isDatelineLine, isSignatureLine, splitDateline } from "./bylines";
import { isCaption } from "./captions";
import { startsEnumerated, visibleLength } from "./text";
import type { Unit } from "./units";

const MAX_VERSE_LINE = 24;

function isVerseLine(u: Unit): boolean {
  if (u.kind !== "text" || u.lines !== 1 || u.toLabel || u.afterFrom) return false;
  const t = u.text;
  const n = visibleLength(t);
  if (n === 0 || n > MAX_VERSE_LINE) return false;
  if (/^(?:——|――|──|--)/.test(t) || /——$/.test(t)) return false; // subtitles and subheads
  return !isBylineLine(t) && !isDatelineLine(t) && !splitDateline(t) && !isCaption(t) && !startsEnumerated(t);
}

/**
 * Prose extracted line by line from a narrow column, not verse: its lines share one width, a line
 * after the first is indented (a new paragraph), or a sentence ends inside a line.
 */
function isProseWrap(lines: Unit[]): boolean {
  if (lines.slice(1).some((u) => u.indent)) return true;
  if (lines.some((u) => /[。；;？！?!][”’」』）)]*[^”’」』）)\s]/.test(u.text.trimEnd()))) return true;
  const widths = lines.slice(0, -1).map((u) => visibleLength(u.text));
  const max = Math.max(...widths);
  return max >= 14 && widths.filter((w) => w >= max - 1).length >= Math.max(2, widths.length * 0.6);
}

/** Length of the stanza (consecutive verse lines with no blank line between) starting at i. */
function stanzaAt(units: Unit[], i: number): number {
  let j = i;
  while (j < units.length && isVerseLine(units[j]) && (j === i || units[j].blankBefore === 0)) j++;
  // A stanza ends at a blank line or the end of the page, not mid-run.
  if (j < units.length && units[j].blankBefore === 0) return 0;
  return j - i >= 2 && isProseWrap(units.slice(i, j)) ? 0 : j - i;
}

/**
 * Groups stanzas that follow an author line (□ 阿苇), each set off by a blank line. Runs on raw lines,
 * before column breaks are rejoined, so that a verse line with a comma is not run into the next. The first
 * stanza needs three lines or a second stanza after it: a kicker and title printed under 本报评论员
 * are two short lines too.
 */
export function groupVerse(units: Unit[], english: boolean): Unit[] {
  if (english || units.length < 3) return units;
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    const u = units[i];
    out.push(u);
    i++;
    if (u.kind !== "text" || !(isBylineLine(u.text) || isSignatureLine(u.text)) || /评论员/.test(u.text)) continue;
    const stanzas: Unit[][] = [];
    let k = i;
    while (k < units.length && units[k].blankBefore > 0) {
      const n = stanzaAt(units, k);
      if (n < 2) break;
      stanzas.push(units.slice(k, k + n));
      k += n;
    }
    if (stanzas.length === 0 || (stanzas.length === 1 && stanzas[0].length < 3)) continue;
    for (const s of stanzas) {
      out.push({ ...s[0], text: s.map((l) => l.text).join("\n"), lines: s.length, lastLineLength: s[s.length - 1].lastLineLength, verse: true });
    }
    i = k;
  }
  return out;
}
