// GET /api/v1/papers/{slug}/issues/{date}/articles/{id}: one story, stitched from all its pieces.
import { getPublishedArticle } from "@/db/queries/articles";
import { badRequest, handle, jsonOk, notFound } from "../../../../../../_lib/respond";
import { ArticleId, IssueDate, PaperSlug, problem } from "../../../../../../_lib/params";
import { findPublishedIssue } from "@/db/queries/archive";
import { apiUrls } from "../../../../../../_lib/urls";
import { issueLinks } from "@/lib/format";
import { getAccessPolicy } from "@/db/queries/access";
import { accessToday, gatePieces, isFreeToAll } from "@/lib/access";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string; date: string; id: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { slug, date, id } = await params;
  return handle("article", () => {
    const s = PaperSlug.safeParse(slug);
    if (!s.success) return badRequest(problem(s.error));
    const d = IssueDate.safeParse(date);
    if (!d.success) return badRequest(problem(d.error));
    const a = ArticleId.safeParse(id);
    if (!a.success) return badRequest(problem(a.error));
    const found = findPublishedIssue(s.data, d.data);
    const whole = found ? getPublishedArticle({ paperId: found.paper.id, date: found.issue.date, articleId: a.data }) : null;
    if (!found || !whole || whole.pieces.length === 0) return notFound("article");
    // The API is public and cacheable: a gated story gives its opening only (lib/access.ts).
    const free = isFreeToAll(getAccessPolicy(found.paper.id), { issueDate: found.issue.date, pageLabel: whole.pieces[0].pageLabel }, accessToday());
    const article = free ? whole : { ...whole, pieces: gatePieces(whole.pieces) };
    const reader = issueLinks(found.paper.slug, found.issue.date, null);
    return jsonOk(request, {
      paper: { slug: found.paper.slug, name: found.paper.name },
      issue: { date: found.issue.date, number: found.issue.number, api: apiUrls(found.paper.slug).issue(found.issue.date) },
      article: {
        id: article.id, kicker: article.kicker, title: article.title, subtitle: article.subtitle,
        column: article.column, byline: article.byline, images: article.images, access: free ? "free" : "subscribers",
        pages: [...new Set(article.pieces.map((p) => p.pageLabel))],
        paragraphs: article.pieces.flatMap((p) => p.paragraphs),
        pieces: article.pieces.map((p) => ({ page: p.pageLabel, section: p.section, headline: p.headline, paragraphs: p.paragraphs })),
        url: reader.article(article.id),
      },
    });
  });
}
