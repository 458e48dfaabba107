// One page: runs and drawing in, the page's reading out. Reading order comes from the geometry
// (lines → blocks → articles), never from the order of the content stream.
import { groupArticles, type Picture } from "./articles";
import { boxOf, buildBlocks } from "./blocks";
import { judgeText } from "./chars";
import { classifyDrawing } from "./drawing";
import { findFurniture } from "./furniture";
import { area, bottom, inside, intersects, type Box } from "./geometry";
import type { PdfPageReading, PdfPiece } from "./index";
import { buildLines, type Line } from "./lines";
import { toDraft } from "./pieces";
import type { RawPage } from "./poppler";
import { zonesFor } from "./zones";

/** The size most of the page's characters are set in: the body type. */
export function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + l.text.length);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

export function readPage(raw: RawPage): PdfPageReading {
  const { width, height } = raw;
  const d = classifyDrawing(raw.shapes, raw);
  const lines = buildLines(raw.runs, d.vRules);
  const frac = (b: Box) => ({ x: b.x / width, y: b.y / height, w: b.w / width, h: b.h / height });
  const reading: PdfPageReading = {
    index: raw.index, label: null, section: null, width, height,
    textLayer: judgeText(lines.map((l) => l.text).join("\n")),
    pieces: [],
    lines: lines.map((l) => ({ text: l.text, ...frac(l), size: l.size })),
    trim: raw.trim ?? null,
  };
  const furniture = findFurniture(lines, d, raw);
  reading.label = furniture.label;
  reading.section = furniture.section;
  if (reading.textLayer !== "ok") return reading;

  const content = lines.filter((l) => !furniture.drop.has(l.id));
  const body = bodySize(content);
  // A tint with text on it is a box; without, a picture. Ads are neither.
  const notAd = (b: Box) => !furniture.ads.some((a) => intersects(a, b, 2) && area(b) <= area(a) * 1.05);
  const frames: Box[] = d.boxes.filter(notAd);
  const pictures: Box[] = [];
  for (const p of d.pictures.filter(notAd)) {
    const onIt = content.filter((l) => inside(l, p, 1)).length;
    if (onIt >= 2) frames.push(p);
    else if (onIt === 0 || area(p) > 40 * 40) pictures.push(p);
  }
  // Page-wide boxes (a frame round the whole type area) separate nothing.
  const usable = frames.filter((f) => f.w < 0.9 * width || f.h < 0.6 * height);
  const blocks = buildBlocks(content, d, usable);
  const pics: Picture[] = pictures
    .filter((p) => !usable.some((f) => Math.abs(f.x - p.x) < 1 && Math.abs(f.y - p.y) < 1 && Math.abs(f.w - p.w) < 1))
    .map((p) => ({ ...p, frame: boxOf(p, usable) }));
  const articles = groupArticles(blocks, pics, d, body);
  const drafts = articles.map((a) => ({ a, draft: toDraft(a, body) }))
    .filter(({ draft }) => draft.paragraphs.length > 0 || draft.title);
  order(drafts);
  const partsOf = drafts.map(({ draft }) => draft.parts);
  reading.pieces = drafts.map(({ a, draft }, i) => {
    const others = partsOf.filter((_, j) => j !== i).flat();
    const frame = a.box >= 0 && a.head.length ? usable[a.box] : null;
    const zones = zonesFor(draft.parts, others, frame).map(frac);
    const { parts: _parts, ...piece } = draft;
    if (!piece.paragraphs.length) piece.doubts.push("没有正文");
    return { ...piece, zones } as PdfPiece;
  });
  // Zones that overlap another story's: the editor should look.
  reading.pieces.forEach((p, i) => {
    const clash = reading.pieces.some((q, j) => j !== i && p.zones.some((a) => q.zones.some((b) => overlapArea(a, b) > 0.02 * Math.min(a.w * a.h, b.w * b.h))));
    if (clash) p.doubts.push("区域与其他稿件重叠");
  });
  // What no story took and is not furniture: tell the editor.
  const owned = new Set(articles.flatMap((a) => [...a.head, ...a.blocks].flatMap((b) => b.lines.map((l) => l.id))));
  const stray = content.filter((l) => !owned.has(l.id));
  if (stray.length && reading.pieces.length) reading.pieces[reading.pieces.length - 1].doubts.push("文字在所有区域之外");
  return reading;
}

function overlapArea(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
}

/** Stories in reading order: by where they start, top to bottom, left to right within a row. */
function order(items: { a: { anchor: Box } }[]): void {
  items.sort((p, q) => {
    const a = p.a.anchor, b = q.a.anchor;
    const sameRow = Math.abs(a.y - b.y) < Math.min(a.h, b.h) * 1.5 || (a.y < bottom(b) && b.y < bottom(a));
    return sameRow ? a.x - b.x : a.y - b.y;
  });
}
