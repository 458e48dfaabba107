// Stored page scans and PDFs. Only names of the form the upload code generates are looked at,
// so no path a user chose is ever opened. A file of a published issue is public; any other is
// for signed-in editors only. Its name is random and never reused, so its bytes never change and
// the name is its ETag; but whether readers may have it does (an issue taken down), so browsers
// keep it five minutes and shared caches one, like reader pages, and revalidate for a 304.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { authorizeRequest } from "@/app/(auth)/guards";
import { getMediaOwnerStatus } from "@/db/queries/edit-pages";
import { isPublishedMedia } from "@/db/queries/pages";
import { MEDIA_NAME, MEDIA_TYPES, mediaDir, mediaUrl } from "@/lib/uploads";
import { getMediaAccess } from "@/db/queries/access";
import { readerTokenOf } from "@/app/(auth)/reader-session";

export const dynamic = "force-dynamic";

const PUBLISHED_MEDIA_CACHE_CONTROL = "public, max-age=300, s-maxage=60, stale-while-revalidate=600";

const notFound = () => new Response("Not Found", { status: 404, headers: { "x-content-type-options": "nosniff" } });

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (!MEDIA_NAME.test(name)) return notFound();
  const published = isPublishedMedia(mediaUrl(name));
  // A published page's scan or PDF is its full text: the paper's access policy decides.
  let access = published ? (getMediaAccess(mediaUrl(name), readerTokenOf(request)) ?? "public") : "private";
  // Who is asking matters only for a draft's file or one the policy refuses: an editor may look.
  // A public file needs no session lookup.
  if (!published || access === "denied") {
    const editor = !((await authorizeRequest(request)) instanceof Response);
    // Drafts' files are for editors; to a reader an unpublished file and no file look the same.
    if (!published && (!editor || getMediaOwnerStatus(mediaUrl(name)) === null)) return notFound();
    if (access === "denied" && editor) access = "private";
  }
  if (access === "denied") {
    return new Response("订阅后查看", { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
  }
  const shared = published && access === "public";
  const path = join(mediaDir(), name);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return notFound();
  const ext = name.slice(name.lastIndexOf(".") + 1);
  const etag = `"${name}"`;
  if (shared && request.headers.get("if-none-match") === etag) {
    return new Response(null, { status: 304, headers: { etag, "cache-control": PUBLISHED_MEDIA_CACHE_CONTROL } });
  }
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream;
  return new Response(body, {
    headers: {
      "content-type": MEDIA_TYPES[ext],
      "content-length": String(info.size),
      "cache-control": shared ? PUBLISHED_MEDIA_CACHE_CONTROL : "private, no-store",
      ...(shared ? { etag } : {}),
      "x-content-type-options": "nosniff",
      ...(ext === "pdf" ? { "content-disposition": `attachment; filename="${name}"` } : {}),
    },
  });
}
