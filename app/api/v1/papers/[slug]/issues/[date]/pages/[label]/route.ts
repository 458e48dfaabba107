// GET /api/v1/papers/{slug}/issues/{date}/pages/{label}: one page and the pieces printed on it.
import { listPiecesOnPublishedPage } from "@/db/queries/pages";
import { badRequest, handle, jsonOk, notFound } from "../../../../../../_lib/respond";
import { IssueDate, PageLabel, PaperSlug, problem } from "../../../../../../_lib/params";
import { findPublishedIssue } from "@/db/queries/archive";
import { apiUrls } from "../../../../../../_lib/urls";
import { issueLinks } from "@/lib/format";
import { getAccessPolicy } from "@/db/queries/access";
import { accessToday, gatePieces, isPieceFreeToAll } from "@/lib/access";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string; date: string; label: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { slug, date, label } = await params;
  return handle("page", () => {
    const s = PaperSlug.safeParse(slug);
    if (!s.success) return badRequest(problem(s.error));
    const d = IssueDate.safeParse(date);
    if (!d.success) return badRequest(problem(d.error));
    const l = PageLabel.safeParse(label);
    if (!l.success) return badRequest(problem(l.error));
    const found = findPublishedIssue(s.data, d.data);
    const page = found?.pages.find((p) => p.label === l.data);
    if (!found || !page) return notFound("page");
    const reader = issueLinks(found.paper.slug, found.issue.date, found.pages[0]?.label ?? null);
    const api = apiUrls(found.paper.slug);
    const policy = getAccessPolicy(found.paper.id);
    const today = accessToday();
    const free = (seq: number) => isPieceFreeToAll(policy, { issueDate: found.issue.date, pageLabel: page.label, seq }, today);
    return jsonOk(request, {
      paper: { slug: found.paper.slug, name: found.paper.name },
      issue: { date: found.issue.date, number: found.issue.number, api: api.issue(found.issue.date) },
      page: {
        label: page.label, section: page.section, url: reader.page(page.label),
        image: page.imagePath ? { path: page.imagePath, width: page.imageWidth, height: page.imageHeight } : null,
        pdf: page.pdfPath,
        pieces: listPiecesOnPublishedPage({ paperId: found.paper.id, date: found.issue.date, label: page.label }).map((p) => ({
          articleId: p.articleId, seq: p.seq, kicker: p.kicker, title: p.title, subtitle: p.subtitle, column: p.column,
          byline: p.byline, headline: p.headline, zone: p.zone, zones: p.zones, access: free(p.seq) ? "free" : "subscribers",
          paragraphs: free(p.seq) ? p.paragraphs : p.seq === 0 ? gatePieces([p])[0].paragraphs : [],
          jumpTo: p.jumpTo?.label ?? null, jumpFrom: p.jumpFrom?.label ?? null,
          url: reader.article(p.articleId), api: api.article(found.issue.date, p.articleId),
        })),
      },
    });
  });
}
