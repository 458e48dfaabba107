// Stored page scans and PDFs. Only names of the form the upload code generates are looked at,
// so no path a user chose is ever opened. A file of a published issue is public and immutable
// (its name is random and never reused); any other is for signed-in editors only.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { authorizeRequest } from "@/lib/auth/guards";
import { getMediaOwnerStatus } from "@/db/queries/edit-pages";
import { MEDIA_NAME, MEDIA_TYPES, mediaDir, mediaUrl } from "@/lib/uploads";
import { getMediaAccess } from "@/db/queries/access";
import { readerOf } from "@/lib/auth/reader-session";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not Found", { status: 404, headers: { "x-content-type-options": "nosniff" } });

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (!MEDIA_NAME.test(name)) return notFound();
  // Who is asking decides only what drafts they may see; readers get published files anyway.
  const actor = await authorizeRequest(request);
  const status = getMediaOwnerStatus(mediaUrl(name));
  const isEditor = !(actor instanceof Response);
  if (status !== "published" && !isEditor) return notFound();
  // A published page's scan or PDF is its full text: the paper's access policy decides.
  const access = status === "published" && !isEditor ? getMediaAccess(mediaUrl(name), readerOf(request)?.id ?? null) : "public";
  if (access === "denied") return new Response("订阅后查看", { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
  const path = join(mediaDir(), name);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return notFound();
  const ext = name.slice(name.lastIndexOf(".") + 1);
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream;
  return new Response(body, {
    headers: {
      "content-type": MEDIA_TYPES[ext],
      "content-length": String(info.size),
      "cache-control": status === "published" && access === "public" ? "public, max-age=31536000, immutable" : "private, no-store",
      "x-content-type-options": "nosniff",
      ...(ext === "pdf" ? { "content-disposition": `attachment; filename="${name}"` } : {}),
    },
  });
}
