// Groups classified units into pieces in reading order: headline blocks open pieces, author lines
// and datelines attach to the piece they head, jump markers close or open continuations.
import { isDatelineLine, isSignatureLine, splitDateline } from "./bylines";
import { isPhotoCredit, splitTrailingCredit } from "./captions";
import type { Classified } from "./classify";
import { restoreColumnOrder } from "./columns";
import { assignHeadingRoles, headlineBelongsToPrevious, isColumnLabel, isDoubtfulHeadlineOrder, isSidebarLabel, type HeadingLine } from "./headings";
import {
  bodyAfter, endsWithOwnByline, isBoxLabel, isMarkedSubhead, MAX_SUBHEAD, opensFactbox, opensSectionAfterMarker, startsNewStory,
  SUBHEAD_MARK, type Split,
} from "./sections";
import { endsSentence, visibleLength } from "./text";
import type { Doubt } from "./types";

export type Draft = {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  column: string | null;
  byline: string | null;
  paragraphs: string[];
  jumpTo: string | null;
  jumpFrom: string | null;
  closed: boolean; // a jump-out marker or a closing author note ended it
  caption?: boolean;
  subheads?: number; // in-body subheads so far: a story with sections keeps getting them
  dated?: boolean; // opened by a dateline (本报讯…, …电): a news dispatch
  doubts?: Set<Doubt>;
};

function doubt(d: Draft, what: Doubt): void {
  d.doubts ??= new Set();
  d.doubts.add(what);
}

function newDraft(init: Partial<Draft> = {}): Draft {
  return {
    kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: [],
    jumpTo: null, jumpFrom: null, closed: false, ...init,
  };
}

function addByline(d: Draft, text: string): void {
  d.byline = d.byline ? `${d.byline} ${text}` : text;
}

/** The pieces so far and the one that text currently flows into. */
class Pieces {
  readonly drafts: Draft[] = [];
  cur: Draft | null = null;

  open(d: Draft): Draft {
    this.drafts.push(d);
    this.cur = d;
    return d;
  }

  /** The piece that body text joins: the current one unless it has been closed. */
  bodyTarget(): Draft {
    return this.cur && !this.cur.closed ? this.cur : this.open(newDraft());
  }

  /** Open, with a headline or author line but no text yet. */
  awaitingText(): Draft | null {
    const c = this.cur;
    return c && !c.closed && c.paragraphs.length === 0 ? c : null;
  }
}

export function segmentUnits(input: Classified[], english: boolean): Draft[] {
  const units = english ? input : restoreColumnOrder(input);
  const pieces = new Pieces();
  let i = 0;
  while (i < units.length) {
    const u = units[i];
    const c = pieces.cur;
    switch (u.role) {
      case "heading":
      case "subtitle": {
        let j = i;
        while (j < units.length && (units[j].role === "heading" || units[j].role === "subtitle")) j++;
        i = placeHeadingBlock(pieces, units, i, j, english);
        continue;
      }
      case "subhead":
        if (c && !c.closed && (c.paragraphs.length > 0 || c.jumpFrom)) {
          c.paragraphs.push(u.text);
          c.subheads = (c.subheads ?? 0) + 1;
        } else pieces.open(newDraft({ title: u.text }));
        if (u.toLabel) closeWithJump(pieces.cur!, u.toLabel);
        break;
      case "byline": {
        const waiting = pieces.awaitingText();
        if (waiting) addByline(waiting, u.text);
        else if (c && closesStoryAbove(u, c, units[i + 1])) {
          addByline(c, u.text);
          c.closed = true;
        } else pieces.open(newDraft({ byline: u.text }));
        break;
      }
      case "endByline":
        if (c && c.paragraphs.length > 0) {
          addByline(c, u.text);
          c.closed = true;
        } else {
          pieces.bodyTarget().paragraphs.push(u.text);
        }
        break;
      case "dateline": {
        const d = splitDateline(u.text)!;
        const target = pieces.awaitingText() ?? pieces.open(newDraft());
        addByline(target, d.byline);
        target.dated = true;
        target.paragraphs.push(d.rest);
        if (u.toLabel) closeWithJump(target, u.toLabel);
        break;
      }
      case "caption":
        placeCaption(pieces, u, units[i - 1], units[i + 1]);
        break;
      case "to": {
        const target = c ?? pieces.drafts[pieces.drafts.length - 1];
        if (target) closeWithJump(target, u.label!);
        break;
      }
      case "from":
        pieces.open(newDraft({ jumpFrom: u.label }));
        break;
      default: {
        const target = pieces.bodyTarget();
        target.paragraphs.push(u.text);
        if (u.toLabel) closeWithJump(target, u.toLabel);
      }
    }
    i++;
  }
  return pieces.drafts;
}

/** Places the headline block units[start, end) and returns the index to continue from. */
function placeHeadingBlock(pieces: Pieces, units: Classified[], start: number, end: number, english: boolean): number {
  const block = units.slice(start, end);
  const next = units[end];
  const c = pieces.cur;
  const first = block[0];
  // 链接 / 小贴士 over a few short paragraphs: a sidebar box beside the story, a piece of its own
  // whose rubric is a column label (it has no headline).
  if (!english && block.length === 1 && isSidebarLabel(first.text) && (next?.role === "body" || next?.role === "dateline")) {
    pieces.open(newDraft({ column: first.text }));
    return end;
  }
  // 【绝活看点】 or ■ … over text inside a running story: a box label or section head, one of its paragraphs.
  if (!english && block.length === 1 && (isBoxLabel(first.text) || isMarkedSubhead(first.text)) && c && !c.closed
    && c.paragraphs.length > 0 && next?.role === "body") {
    c.paragraphs.push(first.text);
    c.subheads = (c.subheads ?? 0) + 1;
    return end;
  }
  let split: Split = false;
  // A lone short line inside a running story, with its text carrying on below: an in-body subhead.
  if (block.length === 1 && first.role === "heading" && c && !c.closed && c.paragraphs.length > 0
    && next?.role === "body" && visibleLength(first.text) <= MAX_SUBHEAD && !isColumnLabel(first.text, english)
    && !(c.byline && endsWithOwnByline(units, end)) && !(split = startsNewStory(first.text, c, units, end))
    && !(english && opensFactbox(units, end))) {
    c.paragraphs.push(first.text);
    c.subheads = (c.subheads ?? 0) + 1;
    return end;
  }
  // Right after 上接…: a headline line is the continuation's jump headline (printed below the
  // marker by the extraction), anything more is its text.
  if (c && !c.closed && c.jumpFrom && c.paragraphs.length === 0 && next?.role !== "from") {
    for (const b of block) {
      const first = c.title === null && b.role === "heading";
      if (first && !SUBHEAD_MARK.test(b.text)) doubt(c, "jump-headline");
      if (first && !opensSectionAfterMarker(b.text, units, end)) c.title = b.text;
      else {
        c.paragraphs.push(b.text);
        if (b.role === "heading") c.subheads = (c.subheads ?? 0) + 1;
      }
    }
    return end;
  }
  let lines: HeadingLine[] = block.map((b) => ({ text: b.text, role: b.role as HeadingLine["role"] }));
  if (c && !c.title && !c.jumpFrom && !c.caption && c.paragraphs.length > 0) {
    const claimed = trailingHeadline(lines, c.paragraphs.join("").slice(0, 4000), bodyAfter(units, end), next?.role === "from");
    if (claimed >= 0) {
      c.title = lines[claimed].text;
      c.closed = true;
      lines = lines.filter((_, k) => k !== claimed);
    }
  }
  if (lines.length === 0) return end;
  if (next?.role === "from") {
    // A jump headline over 上接…: the continuation's title.
    const above = lines.slice(0, -1).map((l) => l.text);
    pieces.open(newDraft({ title: lines[lines.length - 1].text, kicker: above.length ? above.join(" ") : null, jumpFrom: next.label }));
    return end + 1;
  }
  // A box label closing the headline block (…标题 | 【绝活看点】 | text): the story's first paragraph,
  // not its subtitle.
  const box = !english && lines.length >= 2 && isBoxLabel(lines[lines.length - 1].text) && (next?.role === "body" || next?.role === "dateline")
    ? lines.pop()!.text : null;
  const roles = assignHeadingRoles(lines, english, next?.role === "byline" && isSignatureLine(next.text), next?.role === "byline");
  // An author line printed above the headline (本报评论员, then the title): same piece.
  const waiting = pieces.awaitingText();
  let target: Draft;
  if (waiting?.byline && !waiting.title && !waiting.kicker && !waiting.jumpFrom) target = Object.assign(waiting, roles);
  else target = pieces.open(newDraft(roles));
  if (box) {
    target.paragraphs.push(box);
    target.subheads = 1;
  }
  if (split === "weak") doubt(target, "story-or-section");
  if (!english && lines.length === 2 && lines.every((l) => l.role === "heading") && !roles.column
    && isDoubtfulHeadlineOrder(lines[0].text, lines[1].text)) doubt(target, "headline-order");
  return end;
}

/**
 * Under a headline with no text yet (and none following), a caption is a photo story's text; elsewhere
 * it sits beside a story without interrupting it: it is set aside as a caption piece, which the
 * pipeline drops (captions are neither stories nor any story's paragraphs), and the story runs on.
 */
function placeCaption(pieces: Pieces, u: Classified, previous: Classified | undefined, next: Classified | undefined): void {
  const c = pieces.cur;
  const waiting = pieces.awaitingText();
  // Text of its own follows: the story's picture caption, not a photo story's text.
  const storyFollows = next?.role === "body" || next?.role === "dateline";
  if (waiting && (waiting.title || waiting.byline) && !(storyFollows && !isPhotoCredit(u.text))) {
    // A photo story's text closing with its credit (…前来赏雪。（本报记者 刘洋 摄））: the credit is
    // its author line, and the item is complete.
    const split = waiting.byline ? null : splitTrailingCredit(u.text);
    if (split) {
      waiting.paragraphs.push(split.text);
      waiting.byline = split.credit;
      waiting.closed = true;
    } else {
      waiting.paragraphs.push(u.text);
    }
    return;
  }
  const last = pieces.drafts[pieces.drafts.length - 1];
  const credit = isPhotoCredit(u.text);
  if (credit && last?.caption && !last.byline) {
    last.byline = u.text;
  } else if (credit && c && !c.closed && c.title && !c.byline && previous?.role === "body" && c.paragraphs.length === 1) {
    // A photo story (title, one paragraph) with its credit on a line of its own: its author line.
    c.byline = u.text;
    c.closed = true;
  } else if (credit && c && !c.closed && previous?.role === "body" && c.paragraphs.length > 1
    && visibleLength(c.paragraphs[c.paragraphs.length - 1]) <= 120) {
    // 本报记者 张三 摄 under a short paragraph: that paragraph was the caption.
    pieces.drafts.push(newDraft({ paragraphs: [c.paragraphs.pop()!], byline: u.text, closed: true, caption: true }));
  } else {
    pieces.drafts.push(newDraft({ paragraphs: [u.text], closed: true, caption: true }));
  }
}

/**
 * 新华社北京3月11日电 on a line of its own after a finished story, with a headline (or another
 * story's own dateline) below it: the agency's dateline printed at the end of the story above, not
 * the author line of the next one.
 */
function closesStoryAbove(u: Classified, c: Draft, next: Classified | undefined): boolean {
  if (c.closed || c.paragraphs.length === 0 || !isDatelineLine(u.text)) return false;
  if (!endsSentence(c.paragraphs[c.paragraphs.length - 1])) return false;
  return !next || next.role === "heading" || next.role === "subtitle" || next.role === "dateline" || next.role === "from";
}

function closeWithJump(d: Draft, label: string): void {
  if (!d.jumpTo) d.jumpTo = label;
  d.closed = true;
}

/**
 * Which line of a headline block, if any, is the headline of the headless story above it (printed
 * after its story by the extraction): usually the first line; the last one only on clear evidence.
 */
function trailingHeadline(lines: HeadingLine[], previous: string, following: string, beforeJump: boolean): number {
  const plain = lines.filter((l) => l.role === "heading").length;
  if (lines[0].role === "heading" && (plain > 1 || !beforeJump)
    && headlineBelongsToPrevious(lines[0].text, previous, following, plain > 1)) return 0;
  const last = lines.length - 1;
  if (plain > 1 && last > 0 && lines[last].role === "heading" && !beforeJump
    && headlineBelongsToPrevious(lines[last].text, previous, following, false)) return last;
  return -1;
}
