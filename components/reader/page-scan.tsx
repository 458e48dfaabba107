// Image mode: the printed page as scanned, with a real link over each story's zone. Zones are
// placed in % inside a box with the image's aspect ratio, so they track the image at any width.
import Link from "next/link";
import type { PieceOnPage } from "@/db/queries/pages";
import type { PageContext } from "@/db/queries/reader-views";
import { imageSrcSet } from "@/lib/images";
import { jumpFromText, pageName, publicUrl, storyTitle } from "@/lib/format";
import "./page-scan.css";

type Scan = { src: string; width: number; height: number };

/** The page's scan when it has one with a known size (zones need the aspect ratio). */
export function scanOf(page: PageContext["page"]): Scan | null {
  const { imagePath, imageWidth, imageHeight } = page;
  return imagePath && imageWidth && imageHeight ? { src: publicUrl(imagePath), width: imageWidth, height: imageHeight } : null;
}

const pct = (n: number) => `${(Math.min(1, Math.max(0, n)) * 100).toFixed(3)}%`;

/** A zone's accessible name: the story's title, marked as a continuation where it is one. */
export function zoneName(piece: PieceOnPage): string {
  const title = storyTitle(piece.title, piece.paragraphs, piece.headline);
  return piece.jumpFrom ? `${title}${jumpFromText(piece.jumpFrom.label)}` : title;
}

export function PageScan({ ctx, scan }: { ctx: PageContext; scan: Scan }) {
  const zoned = ctx.pieces.filter((p) => p.zone);
  return (
    <div className="scan" style={{ aspectRatio: `${scan.width} / ${scan.height}` }}>
      {/* The page in view loads eagerly; only thumbnails elsewhere are lazy. */}
      <img
        className="scan__image"
        src={scan.src}
        // Width variants (WebP) so a phone never downloads the full-size scan.
        srcSet={imageSrcSet(scan.src) ?? undefined}
        sizes="(max-width: 640px) 100vw, (max-width: 1100px) 70vw, 800px"
        width={scan.width}
        height={scan.height}
        alt={`${pageName(ctx.page)} 版面图`}
        fetchPriority="high"
        decoding="async"
      />
      {zoned.map((p) => (
        <Link
          key={p.id}
          id={`piece-${p.id}`}
          data-piece-id={p.id}
          className="scan__zone"
          href={ctx.links.article(p.articleId)}
          prefetch={false}
          aria-label={zoneName(p)}
          style={{ left: pct(p.zone!.x), top: pct(p.zone!.y), width: pct(p.zone!.w), height: pct(p.zone!.h) }}
        >
          {/* One link, one rectangle per part of the story's module (an L-shaped story has two):
              hover, focus and :target light them all. Positions are relative to the bounding box. */}
          {p.zones.map((z, i) => (
            <span key={i} className="scan__rect" style={{
              left: pct((z.x - p.zone!.x) / p.zone!.w), top: pct((z.y - p.zone!.y) / p.zone!.h),
              width: pct(z.w / p.zone!.w), height: pct(z.h / p.zone!.h),
            }} />
          ))}
        </Link>
      ))}
    </div>
  );
}
