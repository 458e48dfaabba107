// From raw page text to units: normalised lines, with jump markers and trailing author notes split
// out, and page furniture (see furniture.ts) dropped.
import { splitEndByline } from "./bylines";
import { furnitureLines } from "./furniture";
import { splitMarkers } from "./markers";

export type Unit = {
  kind: "text" | "to" | "from" | "endByline";
  text: string;
  label: string | null; // the page a to/from marker names
  blankBefore: number; // blank lines between this unit and the previous one
  indent: boolean; // the source line was indented (a paragraph start in some layouts)
  lines: number; // source lines joined into this unit
  lastLineLength: number;
  toLabel: string | null; // a jump-out marker printed at the end of this unit's text
  afterFrom: boolean; // printed right after a jump-in marker: the continued text, never a headline
  verse?: boolean; // a stanza of a poem, its lines joined by "\n": body text, never rejoined further
};

/**
 * Line ends, odd spaces and invisible characters. Punctuation is left alone on purpose: NFKC would
 * turn the paper's full-width marks into half-width ones and change what readers see.
 */
export function normalizeInput(text: string): string {
  return text
    .replace(/\r\n?|[\f\v\u0085\u2028\u2029]/g, "\n")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g, " ")
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, "");
}

export function buildUnits(text: string, english = false): Unit[] {
  const units: Unit[] = [];
  let blank = 0;
  const lines = normalizeInput(text).split("\n");
  const furniture = furnitureLines(lines, english);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trimEnd();
    const body = line.trimStart();
    if (!body) {
      blank++;
      continue;
    }
    if (furniture.has(n)) continue;
    const indent = line.length - body.length >= 2;
    let first = true;
    let afterFrom = false;
    const add = (u: Partial<Unit> & Pick<Unit, "kind">) => {
      units.push({
        text: "", label: null, blankBefore: first ? blank : 0, indent: first && indent, lines: 1,
        lastLineLength: 0, toLabel: null, afterFrom: false, ...u,
      });
      first = false;
    };
    const segments = splitMarkers(body);
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      if (seg.kind === "from") {
        add({ kind: "from", label: seg.label });
        afterFrom = true;
        continue;
      }
      if (seg.kind === "to") {
        const prev = units[units.length - 1];
        if (!first && prev && prev.kind === "text" && !prev.toLabel) prev.toLabel = seg.label;
        else add({ kind: "to", label: seg.label });
        continue;
      }
      const end = splitEndByline(seg.text);
      const textPart = end ? end.text : seg.text;
      if (textPart) add({ kind: "text", text: textPart, lastLineLength: textPart.length, afterFrom });
      if (end) add({ kind: "endByline", text: end.byline });
      afterFrom = false;
    }
    blank = 0;
  }
  return units;
}
