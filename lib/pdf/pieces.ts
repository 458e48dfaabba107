// An article's blocks → the piece the text parser would have made of it (ParsedPiece): headline
// roles by size and position, byline, body paragraphs rejoined across columns, in-body subheads,
// captions set aside, jump markers read the same way the text parser reads them.
import { isBylineLine, splitDateline, splitEndByline } from "../parser/bylines";
import { isCaption } from "../parser/captions";
import { isColumnLabel } from "../parser/headings";
import { splitMarkers } from "../parser/markers";
import type { ParsedPiece } from "../parser/types";
import type { Article } from "./articles";
import type { Block } from "./blocks";
import { bottom, right, xOverlap, type Box } from "./geometry";
import type { Line } from "./lines";

export type Draft = ParsedPiece & { captions: string[]; doubts: string[]; parts: Box[] };

const LATIN_END = /[A-Za-z0-9,.;:!?'"’”)]$/;

/** Joins printed lines into one string: Chinese lines meet without a space, Latin words with one. */
export function joinLines(texts: string[]): string {
  let out = "";
  for (const t of texts) {
    const s = t.trim();
    if (!s) continue;
    if (out && LATIN_END.test(out) && /^[A-Za-z0-9("“‘]/.test(s)) out += " ";
    else if (out.endsWith("-") && /^[a-z]/.test(s)) out = out.slice(0, -1);
    out += s;
  }
  return out;
}

const blockText = (b: Block) => joinLines(b.lines.map((l) => l.text));

export function toDraft(a: Article, body: number): Draft {
  const piece: Draft = {
    kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: [],
    jumpTo: null, jumpFrom: null, captions: [], doubts: [], parts: [...a.head, ...a.blocks, ...a.pictures],
  };
  // Headline: the largest type is the title (one or two lines), above it the kicker, below the subtitle.
  if (a.head.length) {
    const max = Math.max(...a.head.map((b) => b.size));
    const titleBlocks = a.head.filter((b) => b.size >= 0.94 * max);
    const top = Math.min(...titleBlocks.map((b) => b.y));
    // Set vertically (竖排), the kicker stands right of the title and the subtitle left of it.
    const vertical = titleBlocks.every((b) => b.lines.every((l) => l.vertical));
    const titleRight = Math.max(...titleBlocks.map((b) => b.x + b.w));
    const before = (b: Block) => (vertical ? b.x >= titleRight - 1 : b.y < top);
    const above = a.head.filter((b) => !titleBlocks.includes(b) && before(b));
    const belowT = a.head.filter((b) => !titleBlocks.includes(b) && !before(b));
    piece.title = joinLines(titleBlocks.flatMap((b) => b.lines.map((l) => l.text)));
    const kick = above.map(blockText).join(" ").trim();
    if (kick) {
      if (above.length === 1 && isColumnLabel(kick, false)) piece.column = kick;
      else piece.kicker = kick;
    }
    const sub = belowT.map(blockText).join(" ").trim();
    if (sub) piece.subtitle = sub;
  }
  // Sort the rest: captions beside pictures, author lines, the body flow.
  const flow: Block[] = [];
  const bylines: Block[] = [];
  for (const b0 of a.blocks) {
    let b = b0;
    // An author line set in body type sits on top of the first column: its own line, not text.
    if (b.lines.length > 1 && isBylineLine(b.lines[0].text)) {
      const [first, ...more] = b.lines;
      bylines.push({ ...b, lines: [first], y: first.y, h: first.h });
      b = { ...b, lines: more, y: more[0].y, h: bottom(b) - more[0].y };
    }
    const text = blockText(b);
    // An author line may sit right above a picture: it is still the story's byline, not a caption
    // (a photographer's credit ends in 摄).
    const byline = b.lines.length <= 2 && isBylineLine(text.replace(/\s+/g, " ")) && !/[摄攝]$/.test(text);
    if (!byline && isCaptionBlock(b, text, a.pictures, body)) { piece.captions.push(text); continue; }
    if (byline) { bylines.push(b); continue; }
    flow.push(b);
  }
  if (bylines.length) piece.byline = bylines.sort((p, q) => p.y - q.y).map(blockText).join(" ");
  const ordered = columnOrder(flow);
  const bodyBlocks = ordered.filter((b) => !isSubhead(b, body));
  const bodyBold = bodyBlocks.filter((b) => b.bold).length > bodyBlocks.length / 2;
  // Paragraphs: a line indented from its column's left edge opens one; a column's first line
  // carries on the paragraph the previous column broke off.
  let cur: string[] | null = null;
  const paragraphs: string[] = [];
  const close = () => { if (cur?.length) paragraphs.push(joinLines(cur)); cur = null; };
  for (const b of ordered) {
    if (isSubhead(b, body) || (b.bold && !bodyBold && b.lines.length <= 2 && b.size >= 0.98 * body && blockText(b).length <= 30 && b !== ordered[0])) {
      const t = markersOut(blockText(b), piece);
      if (t) { close(); paragraphs.push(t); }
      continue;
    }
    const left = columnLeft(b);
    const colRight = columnRight(b);
    let prev: Line | null = null;
    for (const l of b.lines) {
      const text = markersOut(l.text, piece);
      if (!text) { prev = l; continue; }
      const indented = l.x - left >= 0.8 * l.size;
      const afterShort = prev !== null && right(prev) < colRight - 1.5 * l.size && /[。！？!?”」』）)]$/.test(prev.text);
      if (!cur || indented || afterShort) { close(); cur = []; }
      cur.push(text);
      prev = l;
    }
  }
  close();
  piece.paragraphs = paragraphs;
  // 本报讯（记者 …）: the dateline names the authors.
  if (piece.paragraphs.length && !piece.byline) {
    const dl = splitDateline(piece.paragraphs[0]);
    if (dl) { piece.byline = dl.byline; piece.paragraphs[0] = dl.rest; }
  }
  if (piece.paragraphs.length) {
    const last = piece.paragraphs.length - 1;
    const end = splitEndByline(piece.paragraphs[last]);
    if (end) {
      piece.byline = piece.byline ? `${piece.byline} ${end.byline}` : end.byline;
      if (end.text) piece.paragraphs[last] = end.text; else piece.paragraphs.pop();
    }
  }
  if (!piece.title && !piece.jumpFrom) piece.doubts.push("无标题");
  return piece;
}

/** Takes jump markers out of a line, noting where they point; returns the text left. */
function markersOut(text: string, piece: Draft): string {
  let out = "";
  for (const s of splitMarkers(text)) {
    if (s.kind === "to") piece.jumpTo ??= s.label;
    else if (s.kind === "from") piece.jumpFrom ??= s.label;
    else out += (out ? " " : "") + s.text;
  }
  return out.trim();
}

function isSubhead(b: Block, body: number): boolean {
  return b.size >= 1.06 * body && b.lines.length <= 2;
}

function isCaptionBlock(b: Block, text: string, pictures: Box[], body: number): boolean {
  const nearPicture = pictures.some((p) => xOverlap(b, p) > 0.5 * Math.min(b.w, p.w)
    && ((b.y >= bottom(p) - 2 && b.y - bottom(p) < 1.6 * b.size) || (bottom(b) <= p.y + 2 && p.y - bottom(b) < 1.2 * b.size)));
  if (nearPicture && (b.size <= 1.02 * body || isCaption(text)) && b.lines.length <= 6) return true;
  return b.lines.length <= 4 && isCaption(text) && b.size < 0.95 * body;
}

/** The column's left edge: where most of the block's lines start. */
function columnLeft(b: Block): number {
  const xs = b.lines.map((l) => l.x).sort((p, q) => p - q);
  if (xs.length <= 2) return xs[0];
  // The lower half of the starts: indented first lines sit to the right.
  return xs[Math.floor((xs.length - 1) / 3)];
}

/** The column's right edge: where most lines end (a wider byline or a short last line aside). */
function columnRight(b: Block): number {
  const xs = b.lines.map(right).sort((p, q) => q - p);
  return xs[Math.floor((xs.length - 1) / 3)];
}

/** Column segments in reading order: column by column, left to right, each top to bottom. */
export function columnOrder(blocks: Block[]): Block[] {
  const cols: { x0: number; x1: number; blocks: Block[] }[] = [];
  for (const b of [...blocks].sort((p, q) => p.x - q.x || p.y - q.y)) {
    const c = cols.find((c) => Math.min(c.x1, right(b)) - Math.max(c.x0, b.x) >= 0.5 * Math.min(c.x1 - c.x0, b.w));
    if (c) { c.blocks.push(b); c.x0 = Math.min(c.x0, b.x); c.x1 = Math.max(c.x1, right(b)); }
    else cols.push({ x0: b.x, x1: right(b), blocks: [b] });
  }
  cols.sort((p, q) => p.x0 - q.x0);
  return cols.flatMap((c) => c.blocks.sort((p, q) => p.y - q.y));
}
