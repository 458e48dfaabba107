// Display helpers and URL builders shared by the reader's pages. No data access here.
import { displayLabel, printedLabel } from "@/lib/labels";
import { formatIssueDate, weekday } from "@/lib/dates";

/** "1" → "第01版", "A3" → "A03版": the zero-padded form print navigation uses. */
export function paddedLabel(label: string): string {
  const m = /^([A-Z]?)(\d+)$/.exec(label);
  if (!m) return displayLabel(label);
  const n = m[2].padStart(2, "0");
  return m[1] ? `${m[1]}${n}版` : `第${n}版`;
}

/** "第01版：要闻", or "第01版" when the page has no section name. */
export function pageName(page: { label: string; section: string | null }, padded = true): string {
  const label = padded ? paddedLabel(page.label) : displayLabel(page.label);
  return page.section ? `${label}：${page.section}` : label;
}

/** "2026年11月26日 星期四" */
export function longDate(date: string): string {
  return `${formatIssueDate(date)} ${weekday(date)}`;
}

/** "（下转三版）" / "（上接一版）" */
export const jumpToText = (label: string) => `（下转${printedLabel(label)}）`;
export const jumpFromText = (label: string) => `（上接${printedLabel(label)}）`;

/**
 * The reader's URLs of one issue, for pages, feeds, the sitemap and the read API. The front page
 * (first page in print order) lives at the issue's own URL, so links to it never pass through
 * the redirect from /{date}/{frontLabel}; without a front label only its page URLs are unknown.
 * `base` puts the same tree elsewhere (the back office's preview).
 */
export function issueLinks(paper: string, date: string, frontLabel: string | null, base = "") {
  const issue = `${base}/${paper}/${date}`;
  const page = (label: string) => (label === frontLabel ? issue : `${issue}/${encodeURIComponent(label)}`);
  return {
    issue,
    contents: `${issue}/contents`,
    page,
    piece: (label: string, pieceId: number) => `${page(label)}#piece-${pieceId}`,
    article: (articleId: number) => `${issue}/article/${articleId}`,
  };
}
export type IssueLinks = ReturnType<typeof issueLinks>;

export const archiveHref = (paper: string, month: string) => `/${paper}/archive/${month}`;

/** Files under public/ are stored with or without the leading slash; absolute URLs pass through. */
export function publicUrl(path: string): string {
  return /^(https?:)?\/\//.test(path) || path.startsWith("/") ? path : `/${path}`;
}

/** A name for an article printed without a title (短讯): its jump headline, else its opening words. */
export function storyTitle(title: string | null, paragraphs: string[] = [], headline: string | null = null): string {
  if (title?.trim()) return title.trim();
  if (headline?.trim()) return headline.trim();
  const text = paragraphs.join("").trim();
  return text.length > 18 ? `${text.slice(0, 18)}…` : text || "无题";
}

/** What a page prints over a piece: a continuation's jump headline, else its story's title. */
export function pieceHeadline(piece: { title: string | null; headline: string | null; paragraphs: string[]; jumpFrom: unknown }): string {
  return piece.jumpFrom ? storyTitle(piece.headline ?? piece.title, piece.paragraphs) : storyTitle(piece.title, piece.paragraphs);
}

/** Opening paragraphs up to about `chars` characters: the print teaser before the clamp. */
export function openingParagraphs(paragraphs: string[], chars: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (const p of paragraphs) {
    if (n >= chars) break;
    out.push(p);
    n += p.length;
  }
  return out;
}
