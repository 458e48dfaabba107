// GET /api/v1/papers: every paper with at least one published issue, and that issue. See docs/api.md.
import { listPublishedPapers } from "@/db/queries/papers";
import { getLatestPublishedIssue } from "@/db/queries/issues";
import { handle, jsonOk } from "../_lib/respond";
import { apiUrls } from "../_lib/urls";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handle("papers", () => jsonOk(request, {
    papers: listPublishedPapers().map((p) => {
      const latest = getLatestPublishedIssue(p.id);
      return {
        slug: p.slug, name: p.name, motto: p.motto,
        latestIssue: latest ? { date: latest.date, number: latest.number, api: apiUrls(p.slug).issue(latest.date) } : null,
        url: `/${p.slug}`, feed: `/${p.slug}/feed.xml`, api: apiUrls(p.slug).issues(),
      };
    }),
  }));
}
