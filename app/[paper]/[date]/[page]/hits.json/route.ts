// GET /{paper}/{date}/{page}/hits.json?q=口袋公园: where the search words sit on a published
// page's image, as rectangles in page fractions (origin top-left), for drawing over the scan.
import { z } from "zod";
import { listPageLines } from "@/db/queries/page-lines";
import { lineHits } from "@/lib/line-hits";
import { notFoundResponse, publishedPage } from "@/app/[paper]/_lib/published-page";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ paper: string; date: string; page: string }> };
const Query = z.string().trim().min(1).max(100);

export async function GET(request: Request, { params }: Ctx) {
  const { paper, date, page: rawLabel } = await params;
  const ctx = publishedPage(paper, date, rawLabel);
  if (!ctx) return notFoundResponse();
  const q = Query.safeParse(new URL(request.url).searchParams.get("q") ?? "");
  if (!q.success) return Response.json({ error: "q: 1 to 100 characters" }, { status: 400 });
  // Words the reader typed apart are looked for apart; a run of Chinese is looked for whole.
  const terms = q.data.split(/\s+/).slice(0, 10);
  return Response.json({ hits: lineHits(listPageLines(ctx.page.id), terms) }, { headers: { "cache-control": "public, max-age=300" } });
}
