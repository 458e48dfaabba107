// GET /{paper}/{date}/article/{id}/share.jpg: the article's share card, cut from its zone on the
// page scan (lib/share-crop.ts). Published issues only; a story with no zone on a scan has none.
import { getPaperBySlug } from "@/db/queries/papers";
import { getPublishedIssue, listPublishedPages } from "@/db/queries/issues";
import { getPublishedArticle } from "@/db/queries/articles";
import { listPiecesOnPublishedPage } from "@/db/queries/pages";
import { isIssueDate } from "@/lib/dates";
import { isPaperSlug } from "@/lib/slugs";
import { originalPath, parseImagePath } from "@/lib/images";
import { shareImage } from "@/lib/share-crop";
import { boundingRect } from "@/lib/zone-shape";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

type Params = { params: Promise<{ paper: string; date: string; id: string }> };

/** The first piece of the article that has a zone on a page with a stored scan. */
function findCrop(slug: string, date: string, rawId: string) {
  if (!isPaperSlug(slug) || !isIssueDate(date) || !/^[1-9][0-9]{0,9}$/.test(rawId)) return null;
  const paper = getPaperBySlug(slug);
  const issue = paper && getPublishedIssue(paper.id, date);
  const article = issue && getPublishedArticle({ paperId: paper.id, date, articleId: Number(rawId) });
  if (!issue || !article) return null;
  const pages = listPublishedPages({ paperId: paper.id, date });
  for (const piece of article.pieces) {
    const page = pages.find((p) => p.label === piece.pageLabel);
    const m = page?.imagePath && /^\/?(demo|media)\/([^/]+)$/.exec(page.imagePath);
    const ref = m ? parseImagePath([m[1], m[2]]) : null;
    if (!page || !ref) continue;
    const zones = listPiecesOnPublishedPage({ paperId: paper.id, date, label: page.label }).find((p) => p.id === piece.id)?.zones ?? [];
    const zone = boundingRect(zones);
    if (zone) return { file: originalPath(ref), zone };
  }
  return null;
}

export async function GET(_request: Request, { params }: Params) {
  const { paper, date, id } = await params;
  const crop = findCrop(paper, date, id);
  if (!crop) return notFound();
  try {
    const body = await shareImage(crop.file, crop.zone);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "image/jpeg",
        "content-length": String(body.length),
        "cache-control": "public, max-age=3600",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    console.error("share image failed", { paper, date, id }, e);
    return notFound();
  }
}
