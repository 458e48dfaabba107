// Responsive page images: WebP width variants (480 / 960 / 1600) of the demo scans and the
// newsroom's uploaded scans, made with sharp on first request and kept on disk, so readers on
// phones never download a 1600-pixel scan. Served by app/img/[...path]/route.ts for `srcset`.
//
// Only names the app itself made are accepted (a fixed pattern per source, then the file must
// exist), only the widths below, and paths are built from the validated name alone: nothing a
// visitor types reaches the file system.
import { existsSync } from "node:fs";
import { mkdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import sharp from "sharp";
import { MAX_SCAN_PIXELS, MEDIA_NAME, mediaDir } from "./uploads";
import { withDecodeSlot } from "./decode-slot";
import { storageFailure } from "./storage-errors";

export const IMAGE_WIDTHS = [480, 960, 1600] as const;
/** For the page list's thumbnails (36 CSS pixels wide, 3× at most): never part of a page's srcset. */
export const THUMB_WIDTH = 120;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number] | typeof THUMB_WIDTH;

export type ImageSource = "demo" | "media";

/** The demo scans shipped in public/demo: lower-case names such as linlan-2026-11-26-1.webp. */
const DEMO_NAME = /^[a-z0-9][a-z0-9-]{0,80}\.(webp|png|jpe?g)$/;
/** Uploaded scans are stored as WebP under a random name (lib/uploads.ts); PDFs are not images. */
const MEDIA_IMAGE_NAME = /^[0-9a-f]{32}\.webp$/;

export type ImageRef = { source: ImageSource; name: string };

/** `["demo", "x.webp"]` → a reference, or null for anything else (other folders, `..`, encodings). */
export function parseImagePath(segments: readonly string[]): ImageRef | null {
  if (segments.length !== 2) return null;
  const [source, name] = segments;
  if (source === "demo" && DEMO_NAME.test(name)) return { source, name };
  if (source === "media" && MEDIA_IMAGE_NAME.test(name) && MEDIA_NAME.test(name)) return { source, name };
  return null;
}

/** `?w=` must be one of the allowed widths, written plainly ("960", not "0960" or "960.0"). */
export function parseWidth(raw: string | null): ImageWidth | null {
  if (raw === null || !/^[1-9][0-9]{2,3}$/.test(raw)) return null;
  const w = Number(raw);
  return (IMAGE_WIDTHS as readonly number[]).includes(w) || w === THUMB_WIDTH ? (w as ImageWidth) : null;
}

/** The public URL of a variant, for `srcset`. `src` is the stored path ("/demo/x.webp", "/media/….webp"). */
export function imageVariantUrl(src: string, width: ImageWidth): string | null {
  const m = /^\/(demo|media)\/([^/]+)$/.exec(src);
  if (!m || !parseImagePath([m[1], m[2]])) return null;
  return `/img/${m[1]}/${m[2]}?w=${width}`;
}

/** `srcset` for a stored image, or null when it is not one we can make variants of. */
export function imageSrcSet(src: string): string | null {
  const parts = IMAGE_WIDTHS.map((w) => {
    const url = imageVariantUrl(src, w);
    return url ? `${url} ${w}w` : null;
  });
  return parts.every(Boolean) ? parts.join(", ") : null;
}

function publicDir(): string {
  return resolve(process.cwd(), "public");
}

/** Where an original lives. */
export function originalPath(ref: ImageRef): string {
  return ref.source === "demo" ? join(publicDir(), "demo", ref.name) : join(mediaDir(), ref.name);
}

/**
 * Where a variant is kept: a `.variants` folder in the media folder (beside uploaded originals,
 * and never matching the media route's name pattern). The demo's variants go there too, since
 * public/ belongs to the repository and may be read-only where the app runs.
 */
export function variantPath(ref: ImageRef, width: ImageWidth): string {
  const stem = ref.name.replace(/\.[a-z]+$/, "");
  return join(mediaDir(), ".variants", ref.source, `${stem}.w${width}.webp`);
}

const inFlight = new Map<string, Promise<string | null>>();

/**
 * The variant's file, made if missing or older than its original; null when the original does
 * not exist. Concurrent requests for one variant share one sharp run; the file is written under
 * a temporary name and renamed, so no reader ever gets half a file.
 */
export async function ensureVariant(ref: ImageRef, width: ImageWidth): Promise<string | null> {
  const out = variantPath(ref, width);
  const running = inFlight.get(out);
  if (running) return running;
  const job = (async () => {
    const source = originalPath(ref);
    const original = await stat(source).catch(() => null);
    if (!original?.isFile()) return null;
    const existing = await stat(out).catch(() => null);
    if (existing && existing.mtimeMs >= original.mtimeMs) return out;
    const meta = await sharp(source).metadata().catch(() => null);
    const data = await withDecodeSlot((meta?.width ?? 0) * (meta?.height ?? 0) || MAX_SCAN_PIXELS, () => sharp(source, { limitInputPixels: MAX_SCAN_PIXELS })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer());
    const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
    try {
      await mkdir(join(mediaDir(), ".variants", ref.source), { recursive: true });
      await writeFile(tmp, data);
      await rename(tmp, out);
    } catch (e) {
      // A full disk must not cost readers the picture: serve what exists, an older variant
      // or the WebP original itself, until there is room to write the variant.
      if (storageFailure(e) !== "full") throw e;
      if (existing) return out;
      if (source.endsWith(".webp")) return source;
      throw e;
    } finally {
      if (existsSync(tmp)) await unlink(tmp).catch(() => {});
    }
    return out;
  })();
  inFlight.set(out, job);
  try {
    return await job;
  } finally {
    inFlight.delete(out);
  }
}

/** A year, never revalidated: uploads are never replaced under the same name, demo scans ship with the code. */
export const VARIANT_CACHE_CONTROL = "public, max-age=31536000, immutable";
