// GET /api/reader/articles/{id}: a gated story's full text for a reader who may read it.
// The article page itself is the same cached page for everyone (opening + panel); the panel
// asks here, with the reader's cookie, and this answer is private and never stored.
import { getPublishedArticle } from "@/db/queries/articles";
import { canReadFullText, getArticleAccessContext, meterLeft } from "@/db/queries/access";
import { readerOf } from "@/app/(auth)/reader-session";
import { reply } from "../../_lib/respond";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,9}$/.test(id)) return reply(404, { error: "没有这篇文章" });
  const ctx = getArticleAccessContext(Number(id));
  if (!ctx) return reply(404, { error: "没有这篇文章" });
  const reader = readerOf(request);
  const allowed = canReadFullText({
    paperId: ctx.paperId, content: { issueDate: ctx.issueDate, pageLabel: ctx.pageLabel }, readerId: reader?.id ?? null, articleId: ctx.articleId,
  });
  if (!allowed) {
    return reply(reader ? 403 : 401, {
      error: reader ? "订阅后阅读全文" : "请先登录", signedIn: !!reader,
      ...(reader ? { meterLeft: meterLeft(reader.id, ctx.paperId) } : {}),
    });
  }
  const article = getPublishedArticle({ paperId: ctx.paperId, date: ctx.issueDate, articleId: ctx.articleId });
  if (!article) return reply(404, { error: "没有这篇文章" });
  return reply(200, {
    id: article.id,
    pieces: article.pieces.map((p) => ({ id: p.id, pageLabel: p.pageLabel, paragraphs: p.paragraphs })),
  });
}
