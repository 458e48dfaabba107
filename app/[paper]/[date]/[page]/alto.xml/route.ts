// GET /{paper}/{date}/{page}/alto.xml: a published page's lines and stories with their
// positions, as ALTO v4 (see lib/alto.ts); 404 for drafts and for pages whose lines are unknown.
import { listPageLines } from "@/db/queries/page-lines";
import { listPiecesOnPage } from "@/db/queries/pages";
import { pageAlto } from "@/lib/alto";
import { notFoundResponse, publishedPage } from "@/app/[paper]/_lib/published-page";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ paper: string; date: string; page: string }> };

export async function GET(_: Request, { params }: Ctx) {
  const { paper, date, page: rawLabel } = await params;
  const ctx = publishedPage(paper, date, rawLabel);
  if (!ctx || !ctx.page.imagePath || !ctx.page.imageWidth || !ctx.page.imageHeight) return notFoundResponse();
  const lines = listPageLines(ctx.page.id);
  if (lines.length === 0) return notFoundResponse();
  const xml = pageAlto({
    id: `P_${ctx.paper.slug}-${ctx.issue.date}-${ctx.page.label}`,
    image: { file: ctx.page.imagePath, width: ctx.page.imageWidth, height: ctx.page.imageHeight },
    lines,
    stories: listPiecesOnPage(ctx.page.id).map((p) => ({ id: p.articleId, zones: p.zones })),
  });
  return new Response(xml, {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=300", "x-content-type-options": "nosniff" },
  });
}
