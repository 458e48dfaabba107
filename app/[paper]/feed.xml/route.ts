// GET /{paper}/feed.xml: Atom 1.0 of the latest published issues' stories, newest issue first.
// Every text is XML-escaped; links are absolute (AUTH_URL's origin, never the request's Host).
import { getPaperBySlug } from "@/db/queries/papers";
import { listPublishedPages } from "@/db/queries/issues";
import { isPaperSlug } from "@/lib/slugs";
import { isPublicOriginKnown, siteOrigin, xmlEscape as x } from "@/lib/site";
import { issueLinks } from "@/lib/format";
import { issueContents, latestPublishedIssues } from "@/db/queries/archive";
import { getAccessPolicy } from "@/db/queries/access";
import { accessToday, isFreeToAll, openingOf } from "@/lib/access";

export const dynamic = "force-dynamic";

const ISSUES_IN_FEED = 3;
const SUMMARY_CHARS = 160;

type Ctx = { params: Promise<{ paper: string }> };

/** Issue dates are calendar dates; a feed needs instants. Beijing midnight of the date. */
const instant = (date: string, publishedAt: string | null) => publishedAt ?? `${date}T00:00:00+08:00`;

export async function GET(_request: Request, { params }: Ctx) {
  const { paper: slug } = await params;
  const paper = isPaperSlug(slug) ? getPaperBySlug(slug) : null;
  if (!paper) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const origin = siteOrigin();
  const issues = latestPublishedIssues(paper, ISSUES_IN_FEED);
  const entries: string[] = [];
  const policy = getAccessPolicy(paper.id);
  const today = accessToday();
  for (const issue of issues) {
    const ref = { paperId: paper.id, date: issue.date };
    const pages = listPublishedPages(ref);
    if (pages.length === 0) continue;
    const links = issueLinks(paper.slug, issue.date, pages[0].label);
    for (const { page, entries: stories } of issueContents(ref, pages)) {
      for (const story of stories.filter((s) => !s.continued)) {
        const url = `${origin}${links.article(story.articleId)}`;
        // A gated story's summary is its opening, as on its page.
        const free = isFreeToAll(policy, { issueDate: issue.date, pageLabel: page.label }, today);
        const text = (free ? story.piece.paragraphs : openingOf(story.piece.paragraphs)).join("");
        const summary = text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text;
        const category = page.section ? `\n    <category term="${x(page.section)}"/>` : "";
        const author = story.piece.byline ? `\n    <author><name>${x(story.piece.byline)}</name></author>` : "";
        entries.push(`  <entry>
    <id>${x(url)}</id>
    <title>${x(story.title)}</title>
    <link rel="alternate" type="text/html" href="${x(url)}"/>
    <updated>${x(instant(issue.date, issue.publishedAt))}</updated>
    <published>${x(instant(issue.date, issue.publishedAt))}</published>${author}${category}
    <summary>${x(summary)}</summary>
  </entry>`);
      }
    }
  }
  const self = `${origin}/${paper.slug}/feed.xml`;
  const updated = issues[0] ? instant(issues[0].date, issues[0].publishedAt) : "1970-01-01T00:00:00Z";
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${x(self)}</id>
  <title>${x(paper.name)}</title>${paper.motto ? `\n  <subtitle>${x(paper.motto)}</subtitle>` : ""}
  <link rel="self" type="application/atom+xml" href="${x(self)}"/>
  <link rel="alternate" type="text/html" href="${x(`${origin}/${paper.slug}`)}"/>
  <updated>${x(updated)}</updated>
  <author><name>${x(paper.name)}</name></author>
${entries.join("\n")}
</feed>
`;
  return new Response(xml, {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      // Shared caches may keep it only when its links name the public origin.
      "cache-control": isPublicOriginKnown() ? "public, s-maxage=300, stale-while-revalidate=3600" : "private, no-cache",
    },
  });
}
