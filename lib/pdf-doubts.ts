// What the importer is unsure of on a page read from its PDF, for the editor to check before
// publishing: a story without a title, zones that overlap, story text outside every zone, and
// whatever the reader itself doubted. Jumps linked by order are added when the issue is linked.
import type { PdfPageReading } from "./pdf";
import type { ImportDoubt } from "./import-types";
import { areaOf, covers, overlapArea } from "./zones";

const nameOf = (p: { title: string | null; paragraphs: string[] }, i: number) =>
  p.title ?? (p.paragraphs[0] ? `${p.paragraphs[0].slice(0, 12)}…` : `第${i + 1}篇`);
const squash = (s: string) => s.replace(/\s+/g, "");

// How an advertisement speaks: a telephone or web address to reach the seller, words that point
// to it, an offer.
const NUMBER = /(?:www\.|\.com\b|\.cn\b|(?<!\d)(?:1[3-9]\d{9}|400-?\d{3}-?\d{4}|0\d{2,3}-\d{7,8})(?!\d))/;
const CONTACT_WORDS = /电话|热线|咨询|订购|地址|网址|微信|二维码/g;
const OFFER = /优惠|特价|促销|热销|火爆|招商|开盘|恭候|欢迎.{0,4}(?:选购|垂询|莅临)/;

/**
 * A "story" that reads like an advertisement without the word 广告 on it: short, with a number
 * or web address to call, and an offer or more words pointing to it. Kept (it may be a notice),
 * but listed for the editor.
 */
export function looksLikeAd(p: { title: string | null; paragraphs: string[] }): boolean {
  const text = [p.title ?? "", ...p.paragraphs].join("");
  if (squash(text).length > 260 || !NUMBER.test(text)) return false;
  return OFFER.test(text) || (text.match(CONTACT_WORDS)?.length ?? 0) >= 2;
}

/**
 * The reading as imported: a piece without body text, captions or a jump (a masthead or an
 * advertisement the reader took for a story) is left out and said so.
 */
export function importableReading(r: PdfPageReading): { reading: PdfPageReading; skipped: ImportDoubt[] } {
  const keep = (p: PdfPageReading["pieces"][number]) => p.paragraphs.length > 0 || p.captions.length > 0 || p.jumpFrom != null || p.jumpTo != null;
  const skipped = r.pieces.filter((p) => !keep(p)).map((p, i) => ({
    kind: "reader" as const, piece: null, message: `「${nameOf(p, i)}」没有正文，未作为稿件导入`,
  }));
  return { reading: { ...r, pieces: r.pieces.filter(keep) }, skipped };
}

/** What to check on a page; `piece` indexes the pieces of `importableReading`. */
export function pageDoubts(raw: PdfPageReading): ImportDoubt[] {
  const { reading: r, skipped } = importableReading(raw);
  if (r.textLayer === "none") return [{ kind: "no_text", piece: null, message: "无文字层：只导入了版面图，请导入文字并画热区（或做文字识别）" }];
  if (r.textLayer === "garbage") return [{ kind: "garbage", piece: null, message: "文字层无法解码（乱码）：未导入文字，请导入文字并画热区" }];
  const out: ImportDoubt[] = [];
  r.pieces.forEach((p, i) => {
    if (!p.title && !p.jumpFrom) out.push({ kind: "no_title", piece: i, message: `「${nameOf(p, i)}」没有识别出标题` });
    for (const d of p.doubts) out.push({ kind: "reader", piece: i, message: `「${nameOf(p, i)}」：${d}` });
    if (p.zones.length === 0) out.push({ kind: "reader", piece: i, message: `「${nameOf(p, i)}」没有热区` });
    if (looksLikeAd(p)) out.push({ kind: "reader", piece: i, message: `「${nameOf(p, i)}」像是广告（有联系方式，正文很短）：请确认是否作为稿件发布` });
  });
  for (let i = 0; i < r.pieces.length; i++) {
    for (let j = i + 1; j < r.pieces.length; j++) {
      const a = r.pieces[i].zones, b = r.pieces[j].zones;
      const shared = a.reduce((s, za) => s + b.reduce((t, zb) => t + overlapArea(za, zb), 0), 0);
      // A sliver from rounding is no overlap; a tenth of the smaller story is.
      if (shared > 0.1 * Math.min(areaOf(a), areaOf(b)) && shared > 0.0005) {
        out.push({ kind: "overlap", piece: j, message: `「${nameOf(r.pieces[i], i)}」与「${nameOf(r.pieces[j], j)}」的热区重叠` });
      }
    }
  }
  // Story text outside every zone: a zone too small. Lines that no story holds are furniture or ads.
  const storyText = r.pieces.map((p) => squash([p.kicker, p.title, p.subtitle, p.byline, ...p.paragraphs].join(""))).join("\u0001");
  const zones = r.pieces.flatMap((p) => p.zones);
  const outside = r.lines.filter((l) => {
    const t = squash(l.text);
    return t.length >= 6 && !covers(zones, l.x + l.w / 2, l.y + l.h / 2) && storyText.includes(t);
  });
  if (outside.length > 0 && zones.length > 0) {
    out.push({ kind: "outside", piece: null, message: `${outside.length} 行正文不在任何热区内（如「${outside[0].text.slice(0, 16)}」）` });
  }
  return [...out, ...skipped];
}
