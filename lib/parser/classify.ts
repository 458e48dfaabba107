// What each (rejoined) unit is, judged by its own shape and its neighbours'.
import { isBylineLine, isCreditLine, isDatelineLine, splitDateline } from "./bylines";
import { isCaption, isPhotoCredit } from "./captions";
import { isHeadingLike, isLooseHeading } from "./headings";
import type { Unit } from "./units";
import { endsSentence, visibleLength } from "./text";

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

function looksLikeAuthorOrDateline(u: Unit | undefined): boolean {
  return !!u && u.kind === "text" && (isBylineLine(u.text) || isDatelineLine(u.text) || !!splitDateline(u.text));
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
  if (u.afterFrom) return "body";
  if (u.toLabel) return splitDateline(t) ? "dateline" : /——$/.test(t) ? "subhead" : "body";
  if (isPhotoCredit(t) && (prev?.role === "body" || prev?.role === "caption" || prev?.role === "dateline")) return "caption";
  if (isBylineLine(t) || isDatelineLine(t)) return "byline";
  if (english && (prev?.role === "byline") && isCreditLine(t) && u.lines === 1) return "byline";
  if (splitDateline(t)) return "dateline";
  if (!english && isCaption(t)) return "caption";
  const afterHeading = prev?.role === "heading" || prev?.role === "subtitle";
  if (DASH_START.test(t) && afterHeading && visibleLength(t) <= 70 && !/。$/.test(t)) return "subtitle";
  if (!english && /——$/.test(t) && !DASH_START.test(t) && visibleLength(t) <= 50 && isHeadingLike(t, english)) return "subhead";
  if (isHeadingLike(t, english) && u.lines === 1) return "heading";
  const prevIsOpenBody = prev?.role === "body" && !endsSentence(prev.text);
  if (!english && !prevIsOpenBody && isLooseHeading(t)
    && (looksLikeAuthorOrDateline(next) || (next && isHeadingLike(next.text, english) && looksLikeAuthorOrDateline(next2)))) {
    return "heading";
  }
  if (english && afterHeading && u.lines <= 2 && !endsSentence(t) && t.length <= 200 && looksLikeAuthorOrDateline(next)) {
    return "subtitle";
  }
  return "body";
}
