// GET /api/v1/papers/{slug}/issues/{date}: a published issue, its pages and the stories on each.
import { badRequest, handle, jsonOk, notFound } from "../../../../_lib/respond";
import { IssueDate, PaperSlug, problem } from "../../../../_lib/params";
import { findPublishedIssue, issueContents } from "@/db/queries/archive";
import { apiUrls } from "../../../../_lib/urls";
import { issueLinks } from "@/lib/format";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string; date: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { slug, date } = await params;
  return handle("issue", () => {
    const s = PaperSlug.safeParse(slug);
    if (!s.success) return badRequest(problem(s.error));
    const d = IssueDate.safeParse(date);
    if (!d.success) return badRequest(problem(d.error));
    const found = findPublishedIssue(s.data, d.data);
    if (!found) return notFound("issue");
    const { paper, issue, pages } = found;
    const reader = issueLinks(paper.slug, issue.date, pages[0]?.label ?? null);
    const api = apiUrls(paper.slug);
    return jsonOk(request, {
      paper: { slug: paper.slug, name: paper.name },
      issue: { date: issue.date, number: issue.number, publishedAt: issue.publishedAt, url: reader.issue, contents: reader.contents },
      pages: issueContents({ paperId: paper.id, date: issue.date }, pages).map(({ page, entries }) => ({
        label: page.label, section: page.section, url: reader.page(page.label), api: api.page(issue.date, page.label),
        articles: entries.map((e) => ({
          id: e.articleId, title: e.title, kicker: e.kicker, continued: e.continued,
          url: reader.article(e.articleId), api: api.article(issue.date, e.articleId),
        })),
      })),
    });
  });
}
