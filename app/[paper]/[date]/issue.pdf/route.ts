// GET /{paper}/{date}/issue.pdf: the whole published issue as one PDF, where its pages came as
// PDFs (every page must have one); 404 otherwise, and for drafts.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { issuePdfFile } from "@/lib/issue-pdf";
import { deniedResponse, fullTextAccess, notFoundResponse, publishedIssue } from "@/app/[paper]/_lib/published-page";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ paper: string; date: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { paper, date } = await params;
  const ctx = publishedIssue(paper, date);
  if (!ctx || ctx.pages.length === 0 || ctx.pages.some((p) => !p.pdfPath)) return notFoundResponse();
  const access = fullTextAccess(request, ctx, ctx.pages.map((p) => p.label));
  if (access === "denied") return deniedResponse();
  let file: string | null;
  try {
    file = await issuePdfFile(ctx.pages.map((p) => p.pdfPath!));
  } catch (e) {
    console.error("[reader] issue.pdf failed", e);
    return new Response("整期 PDF 暂时无法生成", { status: 503, headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "60" } });
  }
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return notFoundResponse();
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(info.size),
      "content-disposition": `attachment; filename="${ctx.paper.slug}-${ctx.issue.date}.pdf"`,
      // The file's name follows its pages; the address does not, so readers revalidate.
      "cache-control": access === "public" ? "public, max-age=300" : "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
