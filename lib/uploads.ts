// Page scans and PDFs from the newsroom. A file is judged by its bytes (magic numbers, then
// sharp's own decoding), never by its name or the browser's Content-Type; it is stored under a
// random name in the media folder beside the database, never under a name a user chose.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { AppError } from "./errors";
import { mediaDir } from "./paths";
import { PdfRenderError, renderPdfFirstPage, type RawImage } from "./pdf-render";
import { withDecodeSlot } from "./decode-slot";
import { storageFailure } from "./storage-errors";

// libvips keeps finished operations (up to 50 MB by default) for reuse; an import renders each
// page once, so that cache only holds memory the server needs while it imports.
sharp.cache({ memory: 16, items: 20, files: 0 });

export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = MAX_PDF_BYTES;

export type UploadKind = "jpeg" | "png" | "webp" | "pdf";

/**
 * The most pixels a scan may have: decoding costs about 4 bytes a pixel whatever the file's size
 * (a 600 KB PNG of 14,000 × 14,000 is 784 MB decoded). 60 million is a broadsheet page at 400 dpi.
 */
export const MAX_SCAN_PIXELS = 60_000_000;

/** A file refused for what it is (422) or its size (413); the message is fit for the editor. */
export class UploadError extends AppError {
  constructor(message: string, code: "unprocessable" | "too_large" = "unprocessable") { super(code, message); }
}

/** The disk (or the database) could not take the file: 507, with nothing left behind. */
export class StorageFullError extends AppError {
  constructor() { super("storage_full", "服务器存储空间不足，文件没有保存；请联系管理员清理磁盘后重试"); }
}

/** What the bytes are, from their signature; null for anything else (text, HTML, SVG …). */
export function sniffKind(bytes: Uint8Array): UploadKind | null {
  const at = (i: number, ...sig: number[]) => sig.every((b, k) => bytes[i + k] === b);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return "jpeg";
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "webp";
  if (bytes.length >= 5 && at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf";
  return null;
}

/** Stored names: 32 random hex digits and our own extension. The media route accepts nothing else. */
export const MEDIA_NAME = /^[0-9a-f]{32}\.(webp|pdf)$/;
export const MEDIA_TYPES: Record<string, string> = { webp: "image/webp", pdf: "application/pdf" };

export { mediaDir };

export const mediaUrl = (name: string) => `/media/${name}`;

async function store(bytes: Uint8Array, ext: "webp" | "pdf"): Promise<string> {
  const dir = mediaDir();
  const name = `${randomBytes(16).toString("hex")}.${ext}`;
  // Write then rename, so a half-written file is never served under its final name; a failed
  // write (a full disk) leaves no temporary file behind.
  const tmp = join(/*turbopackIgnore: true*/ dir, `.${name}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, bytes, { flag: "wx" });
    await rename(tmp, join(/*turbopackIgnore: true*/ dir, name));
  } catch (e) {
    await unlink(tmp).catch(() => {});
    if (storageFailure(e) === "full") throw new StorageFullError();
    throw e;
  }
  return name;
}

/** Deletes stored media by URL (/media/NAME), with their width variants; a missing file is fine. */
export async function deleteMedia(urls: (string | null | undefined)[]): Promise<void> {
  for (const url of urls) {
    const name = url?.startsWith("/media/") ? url.slice("/media/".length) : null;
    if (!name || !MEDIA_NAME.test(name)) continue;
    await unlink(join(/*turbopackIgnore: true*/ mediaDir(), name)).catch(() => {});
    const stem = name.replace(/\.[a-z]+$/, "");
    for (const w of [480, 960, 1600]) await unlink(join(/*turbopackIgnore: true*/ mediaDir(), ".variants", "media", `${stem}.w${w}.webp`)).catch(() => {});
  }
}

/**
 * Deletes media files no record refers to (left by a replaced upload whose clean-up was cut short,
 * or a crash between storing and recording), and stale temporary files. Only files older than
 * `minAgeMs` go: an upload in flight has stored its file but not yet recorded it.
 */
export async function sweepOrphanMedia(referenced: Set<string>, minAgeMs = 60 * 60_000, now = Date.now()): Promise<string[]> {
  const dir = mediaDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const orphan = MEDIA_NAME.test(name) ? !referenced.has(`/media/${name}`) : /^\.[0-9a-f]{32}\.(webp|pdf)\.tmp$/.test(name);
    if (!orphan) continue;
    const info = await stat(join(/*turbopackIgnore: true*/ dir, name)).catch(() => null);
    if (!info || now - info.mtimeMs < minAgeMs) continue;
    await deleteMedia([`/media/${name}`]);
    if (!MEDIA_NAME.test(name)) await unlink(join(/*turbopackIgnore: true*/ dir, name)).catch(() => {});
    removed.push(name);
  }
  return removed;
}

export type StoredScan = { image: { name: string; width: number; height: number }; pdf: string | null };

/** Refuses a scan whose header promises more pixels than we decode: checked before any decoding. */
function checkPixels(width: number, height: number) {
  if (width * height > MAX_SCAN_PIXELS) {
    throw new UploadError(`图片像素过多（${width}×${height}），上限为 6000 万像素：请以 300–400 dpi 重新扫描或缩小后再上传`);
  }
}

/** Converts a raster scan (or a page rendered from its PDF) to WebP, one decode at a time. */
async function toWebp(bytes: Uint8Array | RawImage, pixels: number): Promise<{ data: Buffer; width: number; height: number }> {
  try {
    const input = "channels" in bytes
      ? sharp(bytes.data, { raw: { width: bytes.width, height: bytes.height, channels: bytes.channels } })
      : sharp(bytes, { limitInputPixels: MAX_SCAN_PIXELS }).rotate();
    // effort 2: half the encoding time of the default for a few per cent more bytes.
    const { data, info } = await withDecodeSlot(pixels, () => input.webp({ quality: 82, effort: 2 }).toBuffer({ resolveWithObject: true }));
    return { data, width: info.width, height: info.height };
  } catch {
    throw new UploadError("图片无法解码，文件可能已损坏");
  }
}

/** Stores a page image rendered from its PDF (as WebP); returns its media URL and size. */
export async function storeRenderedPage(png: RawImage): Promise<{ path: string; width: number; height: number }> {
  const webp = await toWebp(png, png.width * png.height);
  return { path: mediaUrl(await store(webp.data, "webp")), width: webp.width, height: webp.height };
}

/** Stores a page's PDF; returns its media URL. */
export async function storePagePdf(pdf: Uint8Array): Promise<string> {
  return mediaUrl(await store(pdf, "pdf"));
}

/** Checks and stores one uploaded page file: a JPEG/PNG/WebP scan, or the page's PDF. */
export async function storePageUpload(bytes: Uint8Array): Promise<StoredScan> {
  const kind = sniffKind(bytes);
  if (!kind) throw new UploadError("只接受 JPEG、PNG、WebP 图片或 PDF 文件");
  if (kind === "pdf") {
    if (bytes.length > MAX_PDF_BYTES) throw new UploadError("PDF 不能超过 50 MB", "too_large");
    const png = await renderPdfFirstPage(bytes).catch((e) => {
      throw e instanceof PdfRenderError ? new UploadError(e.message) : e;
    });
    // Rendered at a fixed long side (lib/pdf-render.ts), so its size is ours, not the file's.
    const webp = await toWebp(png, "channels" in png ? png.width * png.height : MAX_SCAN_PIXELS);
    const pdf = await store(bytes, "pdf");
    try {
      return { image: { name: await store(webp.data, "webp"), width: webp.width, height: webp.height }, pdf };
    } catch (e) {
      await deleteMedia([mediaUrl(pdf)]);
      throw e;
    }
  }
  if (bytes.length > MAX_IMAGE_BYTES) throw new UploadError("图片不能超过 30 MB", "too_large");
  const meta = await sharp(bytes).metadata().catch(() => null);
  if (!meta || meta.format !== (kind === "jpeg" ? "jpeg" : kind) || !meta.width || !meta.height) {
    throw new UploadError("图片无法解码，文件可能已损坏");
  }
  checkPixels(meta.width, meta.height);
  const webp = await toWebp(bytes, meta.width * meta.height);
  return { image: { name: await store(webp.data, "webp"), width: webp.width, height: webp.height }, pdf: null };
}
