// Jump markers: the printed notes that send a reader to another page or bring them back.
//   (下转三版) （转A3版） (下转第3版) …意义。下转第3版          → jumpTo
//   (上接一版) (上接第1版) （紧接1版） (接第3版) 上接第1版…    → jumpFrom
//   （下轉A3版） (上接A1版): traditional forms are matched through foldScript (see script.ts)
//   Continued on Page A6 · See TRANSIT, Page A6 · (Continued on page 3) → jumpTo
//   Continued from Page A1 · TRANSIT, from Page A1                   → jumpFrom
import { normalizeLabel } from "../labels";
import { foldScript } from "./script";

export type JumpDirection = "to" | "from";
export type Segment = { kind: "text"; text: string } | { kind: "to"; label: string } | { kind: "from"; label: string };

const NUM = "[0-9０-９]{1,3}|[一二三四五六七八九十百〇零两]{1,4}";
const LETTER = "[A-Za-zＡ-Ｚａ-ｚ]";
const LABEL = `(?:${LETTER}\\s?)?(?:${NUM})`;
const TO_VERBS = ["下转", "转至", "转到", "下接", "转", "续见", "续转"];
const FROM_VERBS = ["上接", "紧接", "续接", "承接", "接", "续"];
const VERB = [...TO_VERBS, ...FROM_VERBS].sort((a, b) => b.length - a.length).join("|");

// Bracketed markers may sit anywhere in a line; bare ones only at the end (to) or start (from),
// and only with 版, so that ordinary prose such as "转3个弯" is never taken for a jump.
const BRACKETED = new RegExp(
  `[(（〔［\\[]\\s{0,2}(${VERB})\\s{0,2}(?:第\\s{0,2})?(${LABEL})\\s{0,2}(?:版面|版|页|面)?\\s{0,2}[)）〕］\\]]`,
  "g",
);
const BARE_END = new RegExp(`(下转|转至|转到|转)\\s{0,2}第?\\s{0,2}(${LABEL})\\s{0,2}版\\s{0,2}$`);
const BARE_START = new RegExp(`^\\s{0,2}(上接|紧接|续接|接)\\s{0,2}第?\\s{0,2}(${LABEL})\\s{0,2}版`);

const PAGE = "(?:page|pg\\.?|p\\.)?\\s{0,3}([A-Za-z]?\\s?[0-9]{1,3})";
const EN_TO_END = new RegExp(
  `[(\\[]?\\s{0,2}(?:(?:continued|cont'd|cont\\.)\\s{1,3}on\\s{1,3}${PAGE}|(?:please\\s{1,3})?see\\s{1,3}[A-Z][A-Za-z0-9'’&.\\- ]{0,40}?\\s{0,2}(?:,|\\bon\\b)\\s{0,3}${PAGE})\\s{0,2}[)\\]]?\\s{0,2}$`,
  "i",
);
// "Continued from Page A1" may lead a paragraph; a slug form ("TRANSIT, from Page A1", "BUDGET, from
// A1") or "(From page 3)" must be the whole line, with the slug in capitals — matched case-sensitively,
// so that a wrapped line of prose ending "…weekday service from 22" is never taken for a jump.
const EN_CONTINUED_FROM = new RegExp(
  `^\\s{0,2}[(\\[]?\\s{0,2}(?:continued|cont'd|cont\\.)\\s{1,3}from\\s{1,3}${PAGE}\\s{0,2}[)\\]]?`,
  "i",
);
const EN_SLUG_FROM = /^\s{0,2}[([]?\s{0,2}(?:[A-Z][A-Z0-9'’&\- ]{0,40}?\s{0,2}[,|:—–-]?\s{0,3}(?:from|FROM|From)\s{1,3}(?:(?:Page|PAGE|page)\s{1,3})?|(?:from|FROM|From)\s{1,3}(?:Page|PAGE|page)\s{1,3})([A-Z]?\s?[0-9]{1,3})\s{0,2}[)\]]?\s{0,2}$/;

function direction(verb: string): JumpDirection {
  return TO_VERBS.includes(verb) ? "to" : "from";
}

/** Splits one line into text and jump markers, in order. Lines without markers come back whole. */
export function splitMarkers(line: string): Segment[] {
  const out: Segment[] = [];
  let orig = line;
  let tail: Segment | null = null;

  // Cheap pre-checks keep the unanchored patterns off the vast majority of lines.
  const maybeChinese = /[转接续轉續]/.test(line);
  // Patterns run on the folded copy (转 for 轉); text is cut from the original at the same indexes.
  let rest = maybeChinese ? foldScript(line) : line;
  const maybeEnglish = /ontinu|cont'd|cont\.|see\s|from\s/i.test(rest);
  if (!maybeChinese && !maybeEnglish) return orig.trim() ? [{ kind: "text", text: orig.trim() }] : [];
  const start = (maybeChinese ? BARE_START.exec(rest) : null)
    ?? (maybeEnglish ? EN_CONTINUED_FROM.exec(rest) ?? EN_SLUG_FROM.exec(rest) : null);
  if (start) {
    const label = normalizeLabel(start[2] ?? start[1]);
    if (label) {
      out.push({ kind: "from", label });
      rest = rest.slice(start[0].length);
      orig = orig.slice(start[0].length);
    }
  }
  const cnEnd = maybeChinese ? BARE_END.exec(rest) : null;
  const end = cnEnd ?? (maybeEnglish ? EN_TO_END.exec(rest) : null);
  if (end) {
    const label = normalizeLabel(end[2] ?? end[1]);
    // "See TRANSIT, Page A6" needs a capitalised slug unless it is the whole line.
    const slugOk = !/^\W{0,3}(please\s+)?see\s/i.test(end[0]) || end.index === 0 || /[Ss]ee\s{1,3}[A-Z]{2}/.test(end[0]);
    // Without the word "page" ("Continued on 16", "See BUDGET, A8") only a line of its own is a marker:
    // at the end of a wrapped line the words are likelier prose ("the strike continued on 12").
    const bare = !cnEnd && !/\b(?:page|pg|p\.)/i.test(end[0]);
    if (label && slugOk && (!bare || end.index === 0)) {
      tail = { kind: "to", label };
      rest = rest.slice(0, end.index);
      orig = orig.slice(0, end.index);
    }
  }

  let last = 0;
  BRACKETED.lastIndex = 0;
  for (let m = maybeChinese ? BRACKETED.exec(rest) : null; m; m = BRACKETED.exec(rest)) {
    const label = normalizeLabel(m[2]);
    if (!label) continue;
    pushText(out, orig.slice(last, m.index));
    out.push({ kind: direction(m[1]), label });
    last = m.index + m[0].length;
  }
  pushText(out, orig.slice(last));
  if (tail) out.push(tail);
  return out;
}

function pushText(out: Segment[], text: string): void {
  const t = text.trim();
  if (t) out.push({ kind: "text", text: t });
}

/** Removes any jump marker left in a finished paragraph (defensive: splitMarkers took them out). */
export function stripMarkers(s: string): string {
  if (!/[转接续轉續]/.test(s)) return s.trim();
  const folded = foldScript(s);
  BRACKETED.lastIndex = 0;
  if (!BRACKETED.test(folded)) return s.trim();
  let out = "";
  let last = 0;
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(folded); m; m = BRACKETED.exec(folded)) {
    out += s.slice(last, m.index);
    last = m.index + m[0].length;
  }
  return (out + s.slice(last)).trim();
}
