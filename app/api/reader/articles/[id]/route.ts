// GET /api/reader/articles/{id}: a gated story's full text for a reader who may read it.
// The article page itself is the same cached page for everyone (opening + panel); the panel
// asks here, with the reader's cookie, and this answer is private and never stored.
// Its cost: one statement for the story and its access facts, and for gated stories one more for
// the reader's standing (readFullText, db/queries/access.ts; db/queries/access-reads.test.ts counts them).
import { readFullText } from "@/db/queries/access";
import { readerTokenOf } from "@/app/(auth)/reader-session";
import { reply } from "../../_lib/respond";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,9}$/.test(id)) return reply(404, { error: "没有这篇文章" });
  const answer = readFullText({ articleId: Number(id), token: readerTokenOf(request) });
  switch (answer.kind) {
    case "missing":
      return reply(404, { error: "没有这篇文章" });
    case "denied":
      return answer.signedIn
        ? reply(403, { error: "订阅后阅读全文", signedIn: true, meterLeft: answer.meterLeft })
        : reply(401, { error: "请先登录", signedIn: false });
    case "full":
      return reply(200, { id: answer.article.articleId, pieces: answer.article.pieces });
  }
}
