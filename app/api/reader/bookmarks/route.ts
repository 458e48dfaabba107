// 收藏. GET ?article=ID → {bookmarked}; GET → the list; POST {articleId, on} sets one.
import { z } from "zod";
import { findPublishedArticle, isBookmarked, listBookmarks, setBookmark } from "@/db/queries/reader-library";
import { readerOf } from "@/app/(auth)/reader-session";
import { parseBody, reply, signInFirst } from "../_lib/respond";

export const dynamic = "force-dynamic";

const Id = z.coerce.number().int().positive().max(2 ** 31);
const Body = z.object({ articleId: Id, on: z.boolean() });

export async function GET(request: Request) {
  const reader = readerOf(request);
  if (!reader) return signInFirst();
  const raw = new URL(request.url).searchParams.get("article");
  if (raw !== null) {
    const id = Id.safeParse(raw);
    if (!id.success) return reply(400, { error: "文章编号无效" });
    return reply(200, { bookmarked: isBookmarked(reader.id, id.data) });
  }
  return reply(200, { bookmarks: listBookmarks(reader.id) });
}

export async function POST(request: Request) {
  const body = await parseBody(request, Body);
  if (body instanceof Response) return body;
  const reader = readerOf(request);
  if (!reader) return signInFirst();
  if (!findPublishedArticle(body.articleId)) return reply(404, { error: "没有这篇文章" });
  setBookmark(reader.id, body.articleId, body.on);
  return reply(200, { bookmarked: body.on });
}
