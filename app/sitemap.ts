// /sitemap.xml: every published issue's pages (front page at the issue's own URL), contents and
// articles, newest issues first, up to the 50,000 URLs one sitemap may hold.
import type { MetadataRoute } from "next";
import { listPublishedPapers } from "@/db/queries/papers";
import { getPublishedDateRange, getPublishedIssue, listPublishedDatesInMonth, listPublishedPages } from "@/db/queries/issues";
import { listPublishedArticles } from "@/db/queries/articles";
import { siteOrigin } from "@/lib/site";
import { issueLinks } from "@/lib/format";

export const dynamic = "force-dynamic";

const MAX_URLS = 50_000;

/** Months from `last` back to `first`, "YYYY-MM". */
function monthsDescending(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = last.slice(0, 7).split("-").map(Number);
  const stop = first.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push(month);
    if (month <= stop) return out;
    if (--m === 0) { m = 12; y--; }
  }
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin();
  const urls: MetadataRoute.Sitemap = [];
  const perPaper = listPublishedPapers().map((paper) => {
    const range = getPublishedDateRange(paper.id);
    const dates = range.first && range.last
      ? monthsDescending(range.first, range.last).flatMap((m) => listPublishedDatesInMonth(paper.id, m).reverse())
      : [];
    return { paper, dates };
  });
  // Newest issues of every paper first, so a cut at MAX_URLS drops the oldest.
  const queue = perPaper.flatMap(({ paper, dates }) => dates.map((date) => ({ paper, date })))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  for (const { paper, date } of queue) {
    if (urls.length >= MAX_URLS) break;
    const issue = getPublishedIssue(paper.id, date);
    if (!issue) continue;
    const ref = { paperId: paper.id, date: issue.date };
    const pages = listPublishedPages(ref);
    if (pages.length === 0) continue;
    const links = issueLinks(paper.slug, issue.date, pages[0].label);
    const lastModified = issue.publishedAt ?? issue.date;
    urls.push(
      ...pages.map((p, i) => ({ url: `${origin}${links.page(p.label)}`, lastModified, priority: i === 0 ? 0.8 : 0.6 })),
      { url: `${origin}${links.issue}/contents`, lastModified, priority: 0.5 },
      ...listPublishedArticles(ref).map((a) => ({ url: `${origin}${links.article(a.id)}`, lastModified, priority: 0.7 })),
    );
  }
  return urls.slice(0, MAX_URLS);
}
