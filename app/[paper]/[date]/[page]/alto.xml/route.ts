// GET /{paper}/{date}/{page}/alto.xml: a published page's lines and stories with their
// positions, as ALTO v4 (see lib/alto.ts); 404 for drafts and for pages whose lines are unknown.
import { listPageLines } from "@/db/queries/page-lines";
import { listPiecesOnPublishedPage } from "@/db/queries/pages";
import { pageAlto } from "@/lib/alto";
import { deniedResponse, fullTextAccess, notFoundResponse, publishedPage } from "@/app/[paper]/_lib/published-page";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ paper: string; date: string; page: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { paper, date, page: rawLabel } = await params;
  const ctx = publishedPage(paper, date, rawLabel);
  if (!ctx?.page.imagePath || !ctx.page.imageWidth || !ctx.page.imageHeight) return notFoundResponse();
  // A page's lines are its full text: the paper's access policy decides who may have them.
  const access = fullTextAccess(request, ctx, [ctx.page.label]);
  if (access === "denied") return deniedResponse();
  const lines = listPageLines(ctx.page.id);
  if (lines.length === 0) return notFoundResponse();
  const xml = pageAlto({
    id: `P_${ctx.paper.slug}-${ctx.issue.date}-${ctx.page.label}`,
    image: { file: ctx.page.imagePath, width: ctx.page.imageWidth, height: ctx.page.imageHeight },
    lines,
    stories: listPiecesOnPublishedPage({ paperId: ctx.paper.id, date: ctx.issue.date, label: ctx.page.label }).map((p) => ({ id: p.articleId, zones: p.zones })),
  });
  return new Response(xml, {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": access === "public" ? "public, max-age=300" : "private, no-store", "x-content-type-options": "nosniff" },
  });
}
