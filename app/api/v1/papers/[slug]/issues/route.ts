// GET /api/v1/papers/{slug}/issues?month=YYYY-MM: a month's published issues (default: the
// month of the latest one), with the neighbouring months that have any. See docs/api.md.
import { getPaperBySlug } from "@/db/queries/papers";
import { getAdjacentPublishedDates, getLatestPublishedIssue, getPublishedIssue, listPublishedDatesInMonth } from "@/db/queries/issues";
import { badRequest, handle, jsonOk, notFound } from "../../../_lib/respond";
import { Month, PaperSlug, problem } from "../../../_lib/params";
import { apiUrls } from "../../../_lib/urls";
import { issueLinks } from "@/lib/format";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { slug } = await params;
  return handle("issues", () => {
    const s = PaperSlug.safeParse(slug);
    if (!s.success) return badRequest(problem(s.error));
    const rawMonth = new URL(request.url).searchParams.get("month");
    const m = rawMonth === null ? null : Month.safeParse(rawMonth);
    if (m && !m.success) return badRequest(problem(m.error));
    const paper = getPaperBySlug(s.data);
    if (!paper) return notFound("paper");
    const month = m?.data ?? getLatestPublishedIssue(paper.id)?.date.slice(0, 7) ?? null;
    const api = apiUrls(paper.slug);
    if (!month) return jsonOk(request, { paper: { slug: paper.slug, name: paper.name }, month: null, issues: [], prevMonth: null, nextMonth: null });
    const issues = listPublishedDatesInMonth(paper.id, month).map((date) => {
      const issue = getPublishedIssue(paper.id, date);
      return { date, number: issue?.number ?? null, publishedAt: issue?.publishedAt ?? null, url: issueLinks(paper.slug, date, null).issue, api: api.issue(date) };
    });
    const prev = getAdjacentPublishedDates(paper.id, `${month}-01`).prev?.slice(0, 7) ?? null;
    // "YYYY-MM-31" sorts after every real day of the month.
    const next = getAdjacentPublishedDates(paper.id, `${month}-31`).next?.slice(0, 7) ?? null;
    return jsonOk(request, {
      paper: { slug: paper.slug, name: paper.name }, month, issues,
      prevMonth: prev && { month: prev, api: api.issues(prev) },
      nextMonth: next && { month: next, api: api.issues(next) },
    });
  });
}
