// From raw page text to units: normalised lines, with jump markers and trailing author notes split
// out, and page furniture (editor credits, the date line) dropped.
import { splitEndByline } from "./bylines";
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

const FURNITURE = [
  /^(?:责任编辑|编辑|责编|校对|美编|美术编辑|版式|版式设计|组版|审读|审校|值班编辑|值班主任|主编|制图|设计|排版)\s{0,2}[:：]/,
  /(?:^|\s)(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}日\s{0,3}(?:星期|周)[一二三四五六日天](?:\s|$)/,
];
// Page headers: 第6版 社会 · 第06版：要闻 · A3 要闻 — only among the first lines of a page.
const PAGE_HEADER = /^(?:第\s{0,2}[0-9]{1,3}\s{0,2}版|[A-Z][0-9]{1,2}\s{0,2}版?)(?:\s{0,3}[:：]?\s{0,3}[\u4e00-\u9fff·]{1,8})?$|^(?:.{0,30}\s)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s{1,3}[A-Z][a-z]{2,8}\.?\s{1,3}[0-9]{1,2},?\s{1,3}[0-9]{4}\b/;

function isFurniture(line: string, nearTop: boolean): boolean {
  if (line.length > 60) return false;
  return FURNITURE.some((re) => re.test(line)) || (nearTop && PAGE_HEADER.test(line));
}

export function buildUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let blank = 0;
  let seen = 0;
  for (const raw of normalizeInput(text).split("\n")) {
    const line = raw.trimEnd();
    const body = line.trimStart();
    if (!body) {
      blank++;
      continue;
    }
    if (isFurniture(body, seen++ < 6)) continue;
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
