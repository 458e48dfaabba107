// Blocks → articles. A story is anchored by its headline (or, for a continuation printed without
// one, by its 上接 line); every column segment, picture and caption belongs to the nearest headline
// above it that it lies under, with no rule across the way and inside the same box; a segment with
// no headline above it continues the story of the segment to its left.
import { splitMarkers } from "../parser/markers";
import { isBylineLine } from "../parser/bylines";
import { ruleBetween, type Block } from "./blocks";
import type { Drawing } from "./drawing";
import { bottom, right, union, xOverlap, yOverlap, type Box } from "./geometry";

export type Article = {
  head: Block[]; // headline blocks, top to bottom
  anchor: Box; // where the story starts: its headline block, or its 上接 line
  box: number; // the frame it sits in, or -1
  blocks: Block[]; // everything else it owns: body, bylines, subheads, captions
  pictures: Box[];
};

export type Roles = { title: number; heading: number; subhead: number };

const startsWithFrom = (b: Block) => splitMarkers(b.lines[0].text)[0]?.kind === "from";

export type Picture = Box & { frame: number };

export function groupArticles(blocks: Block[], pictures: Picture[], d: Drawing, body: number): Article[] {
  // Headline-sized blocks; those next to one another (kicker, title, subtitle) form one head.
  const isTitle = (b: Block) => b.size >= 1.3 * body && b.lines.length <= 4;
  const isHeadish = (b: Block) => b.size >= 1.08 * body && b.lines.length <= 3;
  const heads: Block[][] = [];
  const used = new Set<number>();
  for (const t of blocks.filter(isTitle).sort((a, b) => b.size - a.size)) {
    if (used.has(t.id)) continue;
    const head = [t];
    used.add(t.id);
    let grown = true;
    while (grown) {
      grown = false;
      const hb = union(head);
      for (const c of blocks) {
        if (used.has(c.id) || !isHeadish(c) || c.box !== t.box) continue;
        if (isVertical(t) || isVertical(c)) {
          // A vertical head grows sideways: the kicker on its right, the subtitle on its left.
          const now = union(head);
          if (!isVertical(t) || !isVertical(c) || gapX(c, now) > 1.2 * Math.max(c.size, t.size)) continue;
          if (yOverlap(c, now) < 0.3 * Math.min(c.h, now.h) || ruleBetweenX(c, now, d.vRules)) continue;
          head.push(c);
          used.add(c.id);
          grown = true;
          continue;
        }
        const gapBelow = c.y - bottom(hb), gapAbove = hb.y - bottom(c);
        const gap = Math.max(gapBelow, gapAbove);
        const near = gap <= 0.9 * Math.max(c.size, t.size) && gap > -0.5 * c.size;
        if (!near || xOverlap(c, hb) < 0.3 * Math.min(c.w, hb.w)) continue;
        if (ruleBetween(gapBelow > gapAbove ? hb : c, gapBelow > gapAbove ? c : hb, d.hRules)) continue;
        head.push(c);
        used.add(c.id);
        grown = true;
      }
    }
    // Reading order: top to bottom, or right to left for a vertical head.
    head.sort((a, b) => (isVertical(t) ? b.x - a.x : a.y - b.y));
    heads.push(head);
  }
  const articles: Article[] = heads.map((h) => ({ head: h, anchor: union(h), box: h[0].box, blocks: [], pictures: [] }));
  // A continuation without a jump headline opens with its 上接 line.
  for (const b of blocks) {
    if (used.has(b.id) || !startsWithFrom(b)) continue;
    const headAbove = articles.some((a) => a.box === b.box && a.head.length && bottom(a.anchor) <= b.y + 2
      && b.y - bottom(a.anchor) < 3 * body && xOverlap(a.anchor, b) > 0);
    if (headAbove) continue;
    articles.push({ head: [], anchor: { x: b.x, y: b.y, w: b.w, h: b.lines[0].h }, box: b.box, blocks: [], pictures: [] });
  }

  const owner = new Map<number, Article>();
  const rest = blocks.filter((b) => !used.has(b.id));
  const below = (a: Article, x: Box, box: number) => {
    if (a.box !== box) return false;
    if (a.anchor.y > x.y + 2) return false;
    if (xOverlap(a.anchor, x) < 0.25 * Math.min(a.anchor.w, x.w)) return false;
    const under = { x: Math.max(a.anchor.x, x.x), y: a.anchor.y, w: Math.max(1, Math.min(right(a.anchor), right(x)) - Math.max(a.anchor.x, x.x)), h: a.anchor.h };
    if (bottom(a.anchor) < x.y && ruleBetween(under, x, d.hRules)) return false;
    return true;
  };
  const nearestAbove = (x: Box, box: number): Article | null => {
    let best: Article | null = null;
    for (const a of articles) {
      if (!below(a, x, box)) continue;
      if (!best || a.anchor.y > best.anchor.y) best = a;
    }
    return best;
  };
  // Blocks and pictures, left to right and top to bottom, so that what lies to the left of or above
  // an item is decided first: a story's columns start level with one another (a headline narrower
  // than its columns still owns the column beside its last one), and what sits under a picture in
  // its column (caption, text) belongs with the picture.
  type Item = { key: string; x: number; y: number; w: number; h: number; frame: number; size: number; block?: Block; pic?: Picture };
  const items: Item[] = [
    ...rest.map((b) => ({ key: `b${b.id}`, x: b.x, y: b.y, w: b.w, h: b.h, frame: b.box, size: b.size, block: b })),
    ...pictures.map((p, i) => ({ key: `p${i}`, x: p.x, y: p.y, w: p.w, h: p.h, frame: p.frame, size: body, pic: p })),
  ].sort((p, q) => p.x - q.x || p.y - q.y);
  const own = new Map<string, Article>();
  // The neighbour's story wins over the headline found above only when that headline belongs to
  // an earlier row (it ends before the neighbour's story begins).
  const closer = (c: Article | null | undefined, a: Article | null, it: Item) => !!c && c !== a && c.anchor.y <= it.y + 2 && (!a || c.anchor.y >= bottom(a.anchor) - 1);
  for (const it of items) {
    // A 上接 line anchors its own continuation.
    const mine = it.block && articles.find((a) => !a.head.length && a.anchor.x === it.x && a.anchor.y === it.y);
    if (mine) { own.set(it.key, mine); continue; }
    let a = nearestAbove(it, it.frame);
    const left = items.find((o) => o !== it && own.has(o.key) && o.frame === it.frame && Math.abs(o.y - it.y) < 1.5 * it.size
      && it.x - right(o) > 0 && it.x - right(o) < 3 * it.size && !ruleBetweenX(o, it, d.vRules));
    if (left && closer(own.get(left.key), a, it)) a = own.get(left.key)!;
    const above = items.find((o) => o !== it && own.has(o.key) && o.frame === it.frame && bottom(o) <= it.y + 2
      && it.y - bottom(o) < 2.5 * it.size && xOverlap(o, it) > 0.5 * Math.min(o.w, it.w) && !ruleBetween(o, it, d.hRules));
    if (above && closer(own.get(above.key), a, it)) a = own.get(above.key)!;
    // A headline set just above this item's top, beside it rather than over it (centred over a
    // module wider than itself), beats one from an earlier row that happens to reach over it.
    const beside = articles.filter((h) => h.head.length && h !== a && h.box === it.frame && (!a || h.anchor.y >= bottom(a.anchor) - 1)
      && bottom(h.anchor) <= it.y + 2 && it.y - bottom(h.anchor) < 4 * it.size
      && Math.max(h.anchor.x - right(it), it.x - right(h.anchor)) < Math.min(it.w, 12 * it.size)
      && !ruleBetweenX(h.anchor, it, d.vRules))
      .sort((p, q) => gapX(p.anchor, it) - gapX(q.anchor, it) || q.anchor.y - p.anchor.y)[0];
    if (beside && !(a && a.anchor.y >= beside.anchor.y)) a = beside;
    if (a) own.set(it.key, a);
  }
  for (const it of items) if (it.block && own.has(it.key)) owner.set(it.block.id, own.get(it.key)!);
  // A vertical head stands beside its story, not over it: the columns whose tops are level with
  // its top, next to it and then next to one another, away from it (left first, as 竖排 reads).
  for (const a of articles) {
    if (!a.head.length || !isVertical(a.head[0])) continue;
    // A vertical head keeps more white beside it than a gutter: up to one and a half of its own size.
    const reach = (b: Block, from: Box) => (from === a.anchor ? Math.max(3 * b.size, 1.5 * Math.max(...a.head.map((h) => h.size))) : 3 * b.size);
    for (const dir of [-1, 1]) {
      let from: Box = a.anchor;
      let claimed = false;
      for (;;) {
        const next = rest.filter((b) => !owner.has(b.id) && b.box === a.box && Math.abs(b.y - a.anchor.y) < 3 * b.size
          && (dir < 0 ? right(b) <= from.x + 1 : b.x >= right(from) - 1) && gapX(b, from) < reach(b, from) && !ruleBetweenX(b, from, d.vRules))
          .sort((p, q) => gapX(p, from) - gapX(q, from))[0];
        if (!next) break;
        owner.set(next.id, a);
        from = next;
        claimed = true;
      }
      if (claimed) break;
    }
  }
  // A short line just under a headline, beside it rather than beneath it (a right-aligned author
  // line): the story whose columns it lies over.
  for (const b of rest) {
    if (owner.has(b.id) || b.lines.length > 2) continue;
    const a = articles.find((a) => a.head.length && a.box === b.box && bottom(a.anchor) <= b.y + 2 && b.y - bottom(a.anchor) < 3 * b.size
      && rest.some((o) => owner.get(o.id) === a && o.y > b.y && xOverlap(o, b) > 0.5 * b.w));
    if (a) owner.set(b.id, a);
  }
  // Segments under no headline: the story of the segment beside them (a story whose text runs on
  // into columns its headline does not span): one whose top is level with theirs first, then the
  // one on the left.
  const level = (o: Block, b: Block) => (Math.abs(o.y - b.y) < 1.5 * b.size ? 0 : 1);
  for (let pass = 0; pass < 3; pass++) {
    for (const b of rest) {
      if (owner.has(b.id)) continue;
      const side = rest
        .filter((o) => owner.has(o.id) && o.box === b.box && yOverlap(o, b) > 0.3 * Math.min(o.h, b.h) && !ruleBetweenX(o, b, d.vRules))
        .sort((p, q) => level(p, b) - level(q, b) || (p.x < b.x ? 0 : 1) - (q.x < b.x ? 0 : 1) || dist(p, b) - dist(q, b))[0];
      if (side) owner.set(b.id, owner.get(side.id)!);
    }
  }
  // Whatever is still unowned is a story without a headline.
  for (const b of rest) {
    if (owner.has(b.id)) continue;
    const a: Article = { head: [], anchor: { x: b.x, y: b.y, w: b.w, h: b.lines[0].h }, box: b.box, blocks: [], pictures: [] };
    articles.push(a);
    owner.set(b.id, a);
    // Its neighbours below it in the same column follow it.
    for (const o of rest) if (!owner.has(o.id) && o.box === b.box && o.y > b.y && xOverlap(o, b) > 0.5 * Math.min(o.w, b.w)) owner.set(o.id, a);
  }
  for (const b of rest) owner.get(b.id)!.blocks.push(b);
  for (const it of items) if (it.pic && own.has(it.key)) own.get(it.key)!.pictures.push(it.pic);
  return articles.filter((a) => a.blocks.length > 0 || a.head.length > 0);
}

function isVertical(b: Block): boolean {
  return b.lines.length > 0 && b.lines.every((l) => l.vertical);
}

/** Horizontal white between two boxes (0 when they overlap). */
function gapX(a: Box, b: Box): number {
  return Math.max(0, a.x - right(b), b.x - right(a));
}

function dist(a: Box, b: Box): number {
  return Math.abs(a.x + a.w / 2 - (b.x + b.w / 2)) + Math.abs(a.y - b.y) * 0.1;
}

function ruleBetweenX(a: Box, b: Box, vRules: Box[]): boolean {
  const [l, r] = a.x < b.x ? [a, b] : [b, a];
  const x0 = right(l) - 1, x1 = r.x + 1;
  const y0 = Math.max(a.y, b.y), y1 = Math.min(bottom(a), bottom(b));
  return vRules.some((v) => v.x + v.w / 2 >= x0 && v.x + v.w / 2 <= x1 && v.y <= y1 && bottom(v) >= y0);
}

export { isBylineLine };
