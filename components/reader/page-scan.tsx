// Image mode: the printed page as scanned, with a real link over each story's zone. Zones are
// drawn in an SVG laid over the image in page fractions, so they track it at any width and at
// any zoom; a story of several rectangles is one shape (lib/zone-shape.ts).
import type { PageContext, ReaderPiece } from "@/db/queries/reader-views";
import { imageSrcSet } from "@/lib/images";
import { zonePaths, type Rect } from "@/lib/zone-shape";
import { jumpFromText, pageName, publicUrl, storyTitle } from "@/lib/format";
import { SCAN_SIZES } from "./scan-sizes";
import { ZoomableScan } from "./zoomable-scan";
import "./page-scan.css";

type Scan = { src: string; width: number; height: number };

/** The page's scan when it has one with a known size (zones need the aspect ratio). */
export function scanOf(page: PageContext["page"]): Scan | null {
  const { imagePath, imageWidth, imageHeight } = page;
  return imagePath && imageWidth && imageHeight ? { src: publicUrl(imagePath), width: imageWidth, height: imageHeight } : null;
}

/** A zone's accessible name: the story's title, marked as a continuation where it is one. */
export function zoneName(piece: ReaderPiece): string {
  const title = storyTitle(piece.title, piece.paragraphs, piece.headline);
  return piece.jumpFrom ? `${title}${jumpFromText(piece.jumpFrom.label)}` : title;
}


/** `hits`: where search terms stand on the page, in page fractions, when word positions are known. */
export function PageScan({ ctx, scan, hits = [] }: { ctx: PageContext; scan: Scan; hits?: Rect[] }) {
  const zoned = ctx.pieces.filter((p) => p.zones.length > 0);
  const hitPath = zonePaths(hits).fill;
  return (
    <ZoomableScan ratio={`${scan.width} / ${scan.height}`} fullWidth={scan.width} original={scan.src}>
      <img
        className="scan__image"
        src={scan.src}
        // Width variants (WebP) so a phone never downloads the full-size scan; zooming raises
        // `sizes`, and the browser fetches the next width only then.
        srcSet={imageSrcSet(scan.src) ?? undefined}
        sizes={SCAN_SIZES}
        width={scan.width}
        height={scan.height}
        alt={`${pageName(ctx.page)} 版面图`}
        fetchPriority="high"
        decoding="async"
        draggable={false}
      />
      <svg className="scan__zones" viewBox="0 0 1000 1000" preserveAspectRatio="none" aria-label="版面热区" role="group">
        {hitPath && <path className="scan__hit" d={hitPath} data-hits={hits.length} />}
        {zoned.map((p) => {
          const { fill, edge } = zonePaths(p.zones);
          return (
            // A plain link (SVG has no next/link): a full load also makes :target work on return.
            <a key={p.id} id={`piece-${p.id}`} data-piece-id={p.id} data-article-id={p.articleId} className="scan__zone"
              href={ctx.links.article(p.articleId)} aria-label={zoneName(p)}>
              <path className="scan__zone-fill" d={fill} />
              <path className="scan__zone-edge" d={edge} />
            </a>
          );
        })}
      </svg>
    </ZoomableScan>
  );
}
