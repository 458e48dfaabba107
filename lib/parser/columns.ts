// Undoing one kind of column-order scramble from PDF extraction before pieces are grouped.
import type { Classified } from "./classify";
import { endsSentence } from "./text";

const isHead = (u: Classified | undefined) => u?.role === "heading" || u?.role === "subtitle";

/**
 * Columns extracted out of order: a story's first column stops mid-sentence (…把老旧小区改造和), the
 * next story's headline block comes out, then the rest of the first story (完整社区建设结合起来,…),
 * and only then the new story's dateline (本报讯…). Text that finishes the cut sentence cannot open the
 * story under the headline when that story plainly starts at its dateline: the text goes back to the
 * story it continues, and the headline block moves down onto the dateline.
 */
export function restoreColumnOrder(units: Classified[]): Classified[] {
  let out: Classified[] | null = null;
  let i = 0;
  while (i < units.length) {
    const cut = units[i - 1];
    let j = i;
    while (j < units.length && j - i < 4 && isHead(units[j])) j++;
    let k = j;
    if (j > i && cut?.role === "body" && !cut.toLabel && !cut.verse && !endsSentence(cut.text)) {
      while (k < units.length && k - j < 4 && units[k].role === "body" && !units[k].toLabel) k++;
    }
    // The continuation must not open like a paragraph of its own (a quotation, an indented line).
    if (k === j || units[k]?.role !== "dateline" || units[j].indent || /^[“"「『]/.test(units[j].text)) {
      if (out) out.push(units[i]);
      i++;
      continue;
    }
    out ??= units.slice(0, i);
    const prev = out[out.length - 1];
    out[out.length - 1] = { ...prev, text: prev.text + units[j].text, lines: prev.lines + units[j].lines, toLabel: units[j].toLabel };
    out.push(...units.slice(j + 1, k), ...units.slice(i, j));
    i = k;
  }
  return out ?? units;
}

