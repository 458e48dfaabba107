// The share card of an article (og:image, what a WeChat or Weibo card shows): the story as printed,
// cut from the page scan at its zone. Stories are tall; the card takes the top of the zone (the
// headline and opening) at most as tall as it is wide, then fits it in 1200 × 630.
import sharp from "sharp";
import type { Rect } from "./zone-shape";

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;

/** The pixel box to cut from an image of `width` × `height` for a zone (page fractions). */
export function shareBox(zone: Rect, width: number, height: number) {
  const left = Math.max(0, Math.floor(zone.x * width));
  const top = Math.max(0, Math.floor(zone.y * height));
  const w = Math.max(1, Math.min(width - left, Math.round(zone.w * width)));
  const fullH = Math.max(1, Math.min(height - top, Math.round(zone.h * height)));
  return { left, top, width: w, height: Math.min(fullH, w) };
}

export async function shareImage(file: string, zone: Rect): Promise<Buffer> {
  const image = sharp(file, { limitInputPixels: 200_000_000 }).rotate();
  const meta = await image.metadata();
  if (!meta.width || !meta.height) throw new Error("image has no size");
  return image
    .extract(shareBox(zone, meta.width, meta.height))
    .resize({ width: SHARE_WIDTH, height: SHARE_HEIGHT, fit: "contain", background: "#fffdf8", withoutEnlargement: false })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
}
