// Telling a story's sections from the next story: in-body subheads, box labels and section heads under
// （上接…）, against the headlines of stories printed without an author line.
import type { Classified } from "./classify";
import { isParallelHead, isSidebarLabel } from "./headings";
import type { Draft } from "./segment";
import { endsSentence, overlapScore, startsEnumerated, visibleLength } from "./text";

export const MAX_SUBHEAD = 30;

// Marks of an in-body subhead: 一条山路连起城乡—— · 一、… · 【…】 · ■ …
export const SUBHEAD_MARK = /——$|^[【［[〔]|^[■□◆◇●○▲△★☆▼◎]/;

/** Whether a headline opens a new story: no, yes, or yes on weak evidence (for the editor to check). */
export type Split = false | "weak" | "sure";

/**
 * A lone headline line after a finished paragraph, with text below it: an in-body subhead, or the
 * title of a new story printed without an author line (…的财政补贴。 | 市区新增3条夜间公交线路 |
 * 为方便市民夜间出行,…新开通3条夜间公交线路…). A news title restates its lead, so most of its words
 * recur in the paragraph below, and it shares (almost) none with the story above; a subhead is
 * usually marked (——, 一、, 【】), follows earlier subheads, or names its section more loosely.
 */
export function startsNewStory(head: string, c: Draft, units: Classified[], end: number): Split {
  if (SUBHEAD_MARK.test(head) || startsEnumerated(head) || isNounPhraseHead(head)) return false;
  if (!endsSentence(c.paragraphs[c.paragraphs.length - 1])) return false;
  const below = bodyAfter(units, end).slice(0, 300);
  const above = overlapScore(head, c.paragraphs.join("").slice(0, 4000));
  if (above > 0.2) return false;
  const echo = overlapScore(head, below);
  // In a story already cut into sections, or a continued one (text from another page runs on here), only
  // a full news title whose lead restates it nearly word for word (我国成功发射一颗海洋观测卫星 |
  // 我国13日…成功将一颗海洋观测卫星发射升空) opens another.
  if ((c.subheads ?? 0) > 0 || c.jumpFrom) {
    return above <= 0.1 && echo >= 0.6 && (visibleLength(head) >= 12 || endsWithOwnByline(units, end)) ? "weak" : false;
  }
  if (echo >= 0.5) return "sure";
  // A news dispatch (本报讯…) or an unsigned brief (not a continuation) is seldom cut into sections: a
  // headline after one, not echoing its words, opens the next item even if it restates its lead loosely.
  // A story set under a full headline (with a subtitle) is a major one, where sections are common.
  // An unsigned story whose author note comes only after the next section (…（记者 张三）) was one story.
  if (!c.byline && endsWithOwnByline(units, end)) return false;
  return !c.jumpFrom && !c.subtitle && (!!c.dated || !c.byline) && echo > 0 ? "weak" : false;
}


/**
 * 夜市里的年轻摊主 · 县城消费的新引擎: a phrase naming a section's subject (…的 + a short noun) heads a
 * section; a news title states what happened (松河镇建成首个智慧农机服务站).
 */
export function isNounPhraseHead(head: string): boolean {
  return /的[^的，,、0-9]{1,6}$/.test(head) && !/[0-9]/.test(head);
}

/**
 * Under （上接4版）, a headline-shaped line is the jump headline unless it heads the first of the
 * continued text's sections: it is marked as a subhead, or another section head follows in the same
 * text (…让数据多跑路，群众少跑腿 …), so the story is one cut into sections.
 */
export function opensSectionAfterMarker(head: string, units: Classified[], from: number): boolean {
  if (SUBHEAD_MARK.test(head) || startsEnumerated(head) || isParallelHead(head)) return true;
  // A paper that prints no jump headline over any of the page's other continuations prints none
  // under the marker either: the line is the continued text's first subhead.
  if (!printsJumpHeadlines(units)) return true;
  for (let k = from; k < units.length && k < from + 40; k++) {
    const u = units[k];
    if (u.role === "body") {
      if (u.toLabel) return false;
      if (k > from && isParallelHead(u.text) && units[k + 1]?.role === "body") return true;
      continue;
    }
    return u.role === "heading" && units[k - 1]?.role === "body" && units[k + 1]?.role === "body" && !u.toLabel;
  }
  return false;
}

/** 【绝活看点】 · 【记者手记】: a label in square brackets set over a box of text. */
export function isBoxLabel(s: string): boolean {
  return /^[【［〔][^】］〕]{2,12}[】］〕]$/.test(s.trim()) && !isSidebarLabel(s.trim().slice(1, -1));
}

/** ■ 把实验室搬进田野: a section head marked with a symbol, inside a story (a column label outside one). */
export function isMarkedSubhead(s: string): boolean {
  return /^[■□◆◇●○★☆▼◎]\s{0,2}[^\s■□◆◇●○★☆▼◎]/.test(s.trim()) && visibleLength(s) <= MAX_SUBHEAD;
}

/** Some continuation on the page has a headline right above its （上接…） marker (or beside it). */
export function printsJumpHeadlines(units: Classified[]): boolean {
  for (let k = 1; k < units.length; k++) {
    if (units[k].role === "from" && units[k - 1].role === "heading") return true;
  }
  return false;
}


/** "By the numbers" over one-line items with no full stop: a factbox beside the story, not a subhead. */
export function opensFactbox(units: Classified[], from: number): boolean {
  const item = (u: Classified | undefined) => u?.role === "body" && u.lines === 1 && u.text.length <= 60 && !endsSentence(u.text);
  return item(units[from]) && item(units[from + 1]);
}

/** The body run starting at `from` closes with an author note of its own: a new story, not a section. */
export function endsWithOwnByline(units: Classified[], from: number): boolean {
  let k = from;
  while (k < units.length && units[k].role === "body" && !units[k].toLabel) k++;
  return units[k]?.role === "endByline";
}

/** The opening text of the story after a headline block, for comparing words with the headline. */
export function bodyAfter(units: Classified[], from: number): string {
  let text = "";
  for (let k = from; k < units.length && k < from + 8; k++) {
    const r = units[k].role;
    if (r === "byline" || r === "to" || r === "endByline") continue;
    if (r === "dateline" || r === "body") {
      text += units[k].text;
      if (text.length > 600) break;
      continue;
    }
    if (r === "from" && !text) continue;
    break;
  }
  return text;
}
