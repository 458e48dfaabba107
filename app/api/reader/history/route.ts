// 阅读历史. POST {articleId, progress} records a read (at most one row per article); GET lists.
import { z } from "zod";
import { findPublishedArticle, listHistory, recordRead } from "@/db/queries/reader-library";
import { readerOf } from "@/app/(auth)/reader-session";
import { parseBody, reply, signInFirst } from "../_lib/respond";

export const dynamic = "force-dynamic";

const Body = z.object({ articleId: z.number().int().positive().max(2 ** 31), progress: z.number().min(0).max(1).default(0) });

export async function GET(request: Request) {
  const reader = readerOf(request);
  if (!reader) return signInFirst();
  return reply(200, { history: listHistory(reader.id) });
}

export async function POST(request: Request) {
  const body = await parseBody(request, Body);
  if (body instanceof Response) return body;
  const reader = readerOf(request);
  if (!reader) return signInFirst();
  if (!findPublishedArticle(body.articleId)) return reply(404, { error: "没有这篇文章" });
  recordRead(reader.id, body.articleId, body.progress);
  return reply(200, { ok: true });
}
