// What each (rejoined) unit is, judged by its own shape and its neighbours'.
import { isBareNameLine, isBylineLine, isCreditLine, isDatelineLine, isWireLine, splitDateline } from "./bylines";
import { isCaption, isPhotoCredit } from "./captions";
import { isColumnLabel, isHeadingLike, isLooseHeading } from "./headings";
import type { Unit } from "./units";
import { endsSentence, hasNumericCell, isTableRowShape, visibleLength } from "./text";

export type Role =
  | "heading" // a headline line (kicker, title, column label: the block decides)
  | "subtitle" // ——副题 under a title, or an English deck
  | "subhead" // in-body subhead ending in ——
  | "byline"
  | "dateline" // a body paragraph opening with 本报讯(…)
  | "body"
  | "endByline" // （记者 张三） closing a story
  | "caption" // a photo caption or photo credit
  | "to"
  | "from";

export type Classified = Unit & { role: Role };

const DASH_START = /^(?:——|――|──|--|—|－－)/;
// (作者系澄江大学公共管理学院副教授): the note closing a signed article, part of its text.
const AUTHOR_NOTE = /^[(（]\s{0,2}(?:本文)?作者(?:系|为|是|單位|单位|係|為)[^()（）]{1,60}[)）]$/;

/**
 * A flattened table inside a story (…具体如下： | 指标 绝对值 同比 | 固定资产投资 1935.6 4.1): rows of
 * spaced cells under a paragraph ending in a colon, or under another row. They are body text, one
 * paragraph per row, never headlines.
 */
function isTableRow(u: Unit, prev: Classified | undefined): boolean {
  if (prev?.kind !== "text" || !isTableRowShape(u.text)) return false;
  if (/[:：]$/.test(prev.text) && (prev.role === "body" || prev.role === "dateline")) return true;
  return prev.role === "body" && isTableRowShape(prev.text) && hasNumericCell(u.text);
}

/** The next unit reads as a story's text (not another headline line). */
function opensText(u: Unit | undefined): boolean {
  return !!u && u.kind === "text" && (!isHeadingLike(u.text, false) || !!splitDateline(u.text) || u.lines > 1);
}

function looksLikeAuthorOrDateline(u: Unit | undefined): boolean {
  return !!u && u.kind === "text" && (isBylineLine(u.text) || isDatelineLine(u.text) || !!splitDateline(u.text) || isWireLine(u.text));
}

/**
 * The line right above "Continued from Page A1" / (上接一版), set apart from the story before it, is
 * the continuation's jump headline even in sentence case ("Ferry: Riders brace for cuts").
 */
function isJumpHeadline(u: Unit, prev: Classified | undefined, english: boolean): boolean {
  const t = u.text;
  if (u.lines !== 1 && !(english && u.lines === 2)) return false;
  const shape = english
    ? t.length <= 90 && t.split(/\s+/).length <= 12 && /^[A-Z0-9“"‘']/.test(t) && !/[.,;]$/.test(t)
    : isLooseHeading(t);
  if (!shape) return false;
  // The story above must have ended: its last line closed a sentence or carried its own jump marker.
  return prev?.kind !== "text" || prev.role !== "body" || !!prev.toLabel || (endsSentence(prev.text) && u.blankBefore > 0);
}

function isSentenceCaseHead(u: Unit | undefined): boolean {
  if (u?.kind !== "text" || u.lines > 2) return false;
  const t = u.text;
  return t.length <= 100 && /^[A-Z0-9$“"‘']/.test(t) && !/[.,;:!]$/.test(t) && t.split(/\s+/).length <= 16;
}

function isFactItem(u: Unit | undefined): boolean {
  return !!u && u.kind === "text" && u.lines === 1 && u.blankBefore > 0 && u.text.length <= 60 && !endsSentence(u.text);
}

export function classifyUnits(units: Unit[], english: boolean): Classified[] {
  const out: Classified[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    out.push({ ...u, role: roleOf(u, out[i - 1], units[i + 1], units[i + 2], english) });
  }
  return out;
}

function roleOf(u: Unit, prev: Classified | undefined, next: Unit | undefined, next2: Unit | undefined, english: boolean): Role {
  if (u.kind !== "text") return u.kind;
  const t = u.text;
  if (u.afterFrom || u.verse) return "body";
  if (u.toLabel) return splitDateline(t) ? "dateline" : /——$/.test(t) ? "subhead" : "body";
  if (!english && (isTableRow(u, prev) || (AUTHOR_NOTE.test(t) && prev?.role === "body"))) return "body";
  if (isPhotoCredit(t) && (prev?.role === "body" || prev?.role === "caption" || prev?.role === "dateline")) return "caption";
  if (isBylineLine(t) || isDatelineLine(t)) return "byline";
  if (english && (prev?.role === "byline") && isCreditLine(t) && u.lines === 1) return "byline";
  if (splitDateline(t)) return "dateline";
  if (!english && isCaption(t)) return "caption";
  const afterHeading = prev?.role === "heading" || prev?.role === "subtitle";
  // Reuters / Bloomberg / 新华社 alone under a headline: wire copy signed with the agency's name.
  if (afterHeading && u.lines === 1 && isWireLine(t) && opensText(next)) return "byline";
  // 人民时评 / 让适老化改造不止于“纸面” / 王清越 / text: a bare name between a headline and the text.
  // The line above must be a real title (not a column label, not a short kicker over a short title).
  // A title of four characters (春到茶山) can be signed too; a shorter line is more likely a kicker.
  if (!english && afterHeading && isBareNameLine(t) && visibleLength(prev!.text) >= 4 && !isColumnLabel(prev!.text, false)
    && opensText(next)) return "byline";
  if (DASH_START.test(t) && afterHeading && visibleLength(t) <= 70 && !/。$/.test(t)) return "subtitle";
  if (!english && /——$/.test(t) && !DASH_START.test(t) && visibleLength(t) <= 50 && isHeadingLike(t, english)) return "subhead";
  if (isHeadingLike(t, english) && u.lines === 1) return "heading";
  if (next?.kind === "from" && isJumpHeadline(u, prev, english)) return "heading";
  const prevIsOpenBody = prev?.role === "body" && !endsSentence(prev.text);
  if (!english && !prevIsOpenBody && isLooseHeading(t)
    && (looksLikeAuthorOrDateline(next) || (next && isHeadingLike(next.text, english) && looksLikeAuthorOrDateline(next2)))) {
    return "heading";
  }
  if (english && afterHeading && u.lines <= 2 && !endsSentence(t) && t.length <= 200 && looksLikeAuthorOrDateline(next)) {
    return "subtitle";
  }
  // "By the numbers" over short one-line items between blank lines: a factbox and its label.
  if (english && u.lines === 1 && t.length <= 40 && !endsSentence(t) && /^[A-Z]/.test(t)
    && (prev?.kind !== "text" || (endsSentence(prev.text) && u.blankBefore > 0)) && isFactItem(next) && isFactItem(next2)) return "heading";
  // "Library expansion: Council OKs / $4.2M wing after two-year fight", then a deck, then "By …":
  // a sentence-case headline, known only by the author line below it.
  if (english && !afterHeading && isSentenceCaseHead(u) && (prev?.kind !== "text" || endsSentence(prev.text) || u.blankBefore > 0)
    && (looksLikeAuthorOrDateline(next) || (u.lines === 2 && isSentenceCaseHead(next) && next!.blankBefore > 0 && looksLikeAuthorOrDateline(next2)))) {
    return "heading";
  }
  return "body";
}
