// Page furniture and advertisements found from geometry: the header above the page's top rule,
// the footer below its bottom rule, credit lines anywhere, and boxes labelled 广告.
import { normalizeLabel } from "../labels";
import type { Drawing } from "./drawing";
import { bottom, inside, right, type Box } from "./geometry";
import type { Line } from "./lines";

const CREDITS = /^(?:责任编辑|编辑|责编|校对|美编|美术编辑|版式|版式设计|组版|审读|值班编辑|主编|制图|设计|排版|本版邮箱|本版热线|新闻热线)\s{0,2}[:：]/;
const AD_LABEL = /^(?:广告|廣告|广\s告|廣\s告|ADVERTISEMENT|Advertisement)$/;

export type Furniture = { drop: Set<number>; ads: Box[]; label: string | null; section: string | null };

function wideRules(d: Drawing, width: number): Box[] {
  return d.hRules.filter((r) => r.w >= 0.55 * width).sort((a, b) => a.y - b.y);
}

export function findFurniture(lines: Line[], d: Drawing, page: { width: number; height: number }): Furniture {
  const drop = new Set<number>();
  const wide = wideRules(d, page.width);
  // Header: above the first wide rule in the top fifth that has text above it (and its twin below).
  let headerBottom = -1;
  for (const r of wide) {
    if (r.y > 0.22 * page.height) break;
    if (lines.some((l) => bottom(l) <= r.y + 1)) {
      headerBottom = r.y;
      break;
    }
  }
  let footerTop = Infinity;
  for (const r of [...wide].reverse()) {
    if (r.y < 0.85 * page.height) break;
    if (lines.some((l) => l.y >= r.y - 1)) {
      footerTop = r.y + r.h;
      break;
    }
  }
  const header: Line[] = [];
  for (const l of lines) {
    if (bottom(l) <= headerBottom + 1) { drop.add(l.id); header.push(l); }
    else if (l.y >= footerTop - 1) drop.add(l.id);
    else if (CREDITS.test(l.text)) drop.add(l.id);
  }
  if (headerBottom < 0) {
    // No header rule: the furniture-looking lines among the top of the page.
    for (const l of lines) {
      if (l.y > 0.12 * page.height) break;
      if (isHeaderText(l.text)) { drop.add(l.id); header.push(l); }
    }
  }
  // Advertisements: a box with 广告 printed in it or on its top edge.
  const ads: Box[] = [];
  const adLabels = lines.filter((l) => AD_LABEL.test(l.text.replace(/\s+/g, " ").trim()) || /^广告$/.test(l.text.replace(/\s+/g, "")));
  for (const a of adLabels) drop.add(a.id);
  const frames = [...d.boxes, ...d.pictures];
  for (const b of frames) {
    if (adLabels.some((a) => inside(a, b, 3) || (Math.abs(bottom(a) - b.y) < 14 && a.x < right(b) && right(a) > b.x))) ads.push(b);
  }
  // An ad label with no frame: the module between the rules around it.
  for (const a of adLabels) {
    if (ads.some((b) => inside(a, b, 3) || Math.abs(bottom(a) - b.y) < 14)) continue;
    const above = d.hRules.filter((r) => bottom(r) <= a.y + 2 && r.x <= a.x + 2 && right(r) >= right(a) - 2).sort((p, q) => q.y - p.y)[0];
    const below = d.hRules.filter((r) => r.y > bottom(a) && r.x <= a.x + 2 && right(r) >= right(a) - 2 && r.y < footerTop).sort((p, q) => p.y - q.y)[0];
    if (above) {
      const y1 = below ? below.y : Math.min(footerTop, page.height);
      ads.push({ x: above.x, y: bottom(above), w: above.w, h: y1 - bottom(above) });
    }
  }
  for (const l of lines) if (ads.some((b) => inside(l, b, 2))) drop.add(l.id);
  const { label, section } = labelFrom(header.length ? header : lines.filter((l) => l.y < 0.1 * page.height || l.y > 0.92 * page.height));
  return { drop, ads, label, section };
}

const LABEL_IN_TEXT = /第\s*([0-9]{1,3})\s*版|(?:^|\s)([A-Z]\s?[0-9]{1,2})\s*版?(?=\s|$|[\u4e00-\u9fff])|^([0-9]{1,2})\s+(?=[\u4e00-\u9fff])/;

function isHeaderText(t: string): boolean {
  const s = t.replace(/\s+/g, " ");
  return LABEL_IN_TEXT.test(s) || /[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日/.test(s) || /星期[一二三四五六日天]/.test(s)
    || /(?:日报|晚报|早报|时报|商报)$/.test(s.replace(/\s/g, "")) || /农历/.test(s) || /第\s*[0-9]+\s*期/.test(s);
}

/** 第03版 → "3", A03版 → "A3"; the 版名 printed beside it (要闻, 城 事 → 城事). */
function labelFrom(header: Line[]): { label: string | null; section: string | null } {
  for (const l of header) {
    const text = l.text.replace(/\s+/g, " ").trim();
    const m = LABEL_IN_TEXT.exec(text);
    if (!m) continue;
    const label = normalizeLabel(m[1] ?? m[2]?.replace(/\s/g, "") ?? m[3]);
    if (!label) continue;
    // The section name: the rest of that line, or the nearest short header line beside it.
    const rest = text.replace(m[0], " ").replace(/[|｜:：·]/g, " ").trim();
    let section = sectionWord(rest);
    if (!section) {
      const near = header
        .filter((o) => o !== l && Math.abs(o.y + o.h / 2 - (l.y + l.h / 2)) < Math.max(l.h, o.h) && Math.abs(o.x - right(l)) < 120)
        .map((o) => sectionWord(o.text))
        .find(Boolean);
      section = near ?? null;
    }
    return { label, section };
  }
  return { label: null, section: null };
}

function sectionWord(s: string): string | null {
  const first = s.split(/\s{2,}/)[0]?.trim() ?? "";
  const compact = first.replace(/\s/g, "");
  return /^[\u4e00-\u9fff·]{2,6}$/.test(compact) && !/(?:日报|晚报|早报|星期)/.test(compact) ? compact : null;
}
