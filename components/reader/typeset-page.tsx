// Text mode: a page typeset from its pieces. When every piece has a zone, wide screens place
// each story on its zone, as printed; otherwise (and on narrower screens) the lead story runs
// across the top and the rest flow in ruled columns. Phones get one column of story blocks.
import type { CSSProperties } from "react";
import type { Zone } from "@/db/queries/pages";
import type { PageContext, ReaderPiece } from "@/db/queries/reader-views";
import { boundingRect } from "@/lib/zone-shape";
import { StoryBlock } from "./story-block";
import "./typeset.css";

// A broadsheet (about 390 × 545 mm) when the page has no scan to give its proportions.
const DEFAULT_PAGE_RATIO = 390 / 545;

/**
 * Zones relative to the box they fill together, so the masthead strip and margins of the
 * printed page do not leave blank bands on screen. Null when any piece lacks a zone.
 */
export function placeZones(pieces: ReaderPiece[], pageRatio: number) {
  const boxes = new Map(pieces.map((p) => [p.id, boundingRect(p.zones)]));
  if (pieces.length === 0 || [...boxes.values()].some((b) => !b)) return null;
  const zones = [...boxes.values()] as Zone[];
  const x0 = Math.min(...zones.map((z) => z.x));
  const y0 = Math.min(...zones.map((z) => z.y));
  const x1 = Math.max(...zones.map((z) => z.x + z.w));
  const y1 = Math.max(...zones.map((z) => z.y + z.h));
  const [bw, bh] = [x1 - x0, y1 - y0];
  if (bw <= 0 || bh <= 0) return null;
  const places = new Map<number, Zone>(pieces.map((p) => {
    const z = boxes.get(p.id)!;
    return [p.id, { x: (z.x - x0) / bw, y: (z.y - y0) / bh, w: z.w / bw, h: z.h / bh }];
  }));
  return { places, ratio: (bw * pageRatio) / bh };
}

export function TypesetPage({ ctx }: { ctx: PageContext }) {
  const { page, pieces, links } = ctx;
  const pageRatio = page.imageWidth && page.imageHeight ? page.imageWidth / page.imageHeight : DEFAULT_PAGE_RATIO;
  const layout = placeZones(pieces, pageRatio);
  if (pieces.length === 0) return <p className="typeset__empty">本版暂无文字内容。</p>;
  return (
    <div
      className={layout ? "typeset typeset--zoned" : "typeset typeset--auto"}
      style={layout ? ({ "--ratio": layout.ratio } as CSSProperties) : undefined}
    >
      {pieces.map((p, i) => (
        <StoryBlock key={p.id} piece={p} links={links} lead={i === 0 && !p.jumpFrom} place={layout?.places.get(p.id)} />
      ))}
    </div>
  );
}
