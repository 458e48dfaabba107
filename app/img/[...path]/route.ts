// Width variants of page scans for `srcset`: /img/demo/NAME?w=960, /img/media/NAME?w=480.
// Names, widths and sources are validated in lib/images.ts; a scan of an issue that is not
// published is only for signed-in editors, and never cached publicly. An uploaded scan's variant
// is kept by browsers five minutes, not a year: an issue taken down must stop being shown (its
// name, random and never reused, makes a cheap ETag for the 304 that follows). The demo's own
// scans ship with the app and stay immutable.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { getMediaOwnerStatus } from "@/db/queries/edit-pages";
import { isPublishedMedia } from "@/db/queries/pages";
import { authorizeRequest } from "@/app/(auth)/guards";
import { ensureVariant, parseImagePath, parseWidth, VARIANT_CACHE_CONTROL, IMAGE_WIDTHS } from "@/lib/images";
import { mediaUrl } from "@/lib/uploads";
import { getMediaAccess } from "@/db/queries/access";
import { readerTokenOf } from "@/app/(auth)/reader-session";
import { etagMatches } from "@/server/etag";

// The smallest variant shows a gated page's layout and headlines, not its body text.
const GATED_MAX_WIDTH = 480;

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" } });

type Params = { params: Promise<{ path: string[] }> };

export async function GET(request: Request, { params }: Params) {
  const ref = parseImagePath((await params).path);
  if (!ref) return plain(404, "Not Found");
  const width = parseWidth(new URL(request.url).searchParams.get("w"));
  if (!width) return plain(400, `w must be one of ${IMAGE_WIDTHS.join(", ")}`);

  let cacheControl = VARIANT_CACHE_CONTROL;
  let etag: string | null = null;
  if (ref.source === "media") {
    if (isPublishedMedia(mediaUrl(ref.name))) {
      cacheControl = "public, max-age=300, s-maxage=60, stale-while-revalidate=600";
      etag = `"${ref.name}-w${width}"`;
      if (width > GATED_MAX_WIDTH) {
        // Wide enough to read: the page's full text, which the paper's access policy decides.
        const access = getMediaAccess(mediaUrl(ref.name), readerTokenOf(request));
        if (access === "denied") return plain(403, "订阅后查看");
        if (access === "private") { cacheControl = "private, no-store"; etag = null; }
      }
      if (etag && etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: { etag, "cache-control": cacheControl } });
    } else {
      const actor = await authorizeRequest(request);
      // Unknown files and drafts look the same to a reader: absent.
      if (getMediaOwnerStatus(mediaUrl(ref.name)) === null || actor instanceof Response) return plain(404, "Not Found");
      cacheControl = "private, no-store";
    }
  }

  let file: string | null;
  try {
    file = await ensureVariant(ref, width);
  } catch (e) {
    console.error("img: could not make a variant", ref, width, e);
    return plain(500, "Image could not be processed");
  }
  if (!file) return plain(404, "Not Found");
  const info = await stat(file);
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      "content-type": "image/webp",
      "content-length": String(info.size),
      "cache-control": cacheControl,
      ...(etag ? { etag } : {}),
      "x-content-type-options": "nosniff",
    },
  });
}
