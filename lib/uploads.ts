// Page scans and PDFs from the newsroom. A file is judged by its bytes (magic numbers, then
// sharp's own decoding), never by its name or the browser's Content-Type; it is stored under a
// random name in the media folder beside the database, never under a name a user chose.
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { databasePath } from "../db/client";
import { PdfRenderError, renderPdfFirstPage, type RawImage } from "./pdf-render";

// libvips keeps finished operations (up to 50 MB by default) for reuse; an import renders each
// page once, so that cache only holds memory the server needs while it imports.
sharp.cache({ memory: 16, items: 20, files: 0 });

export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = MAX_PDF_BYTES;

export type UploadKind = "jpeg" | "png" | "webp" | "pdf";

export class UploadError extends Error {}

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

export function mediaDir(): string {
  return join(dirname(databasePath()), "media");
}

export const mediaUrl = (name: string) => `/media/${name}`;

async function store(bytes: Uint8Array, ext: "webp" | "pdf"): Promise<string> {
  const dir = mediaDir();
  await mkdir(dir, { recursive: true });
  const name = `${randomBytes(16).toString("hex")}.${ext}`;
  // Write then rename, so a half-written file is never served under its final name.
  const tmp = join(dir, `.${name}.tmp`);
  await writeFile(tmp, bytes, { flag: "wx" });
  await rename(tmp, join(dir, name));
  return name;
}

export type StoredScan = { image: { name: string; width: number; height: number }; pdf: string | null };

/** Converts a raster scan to WebP; sharp refuses what does not decode (and decompression bombs). */
async function toWebp(bytes: Uint8Array | RawImage): Promise<{ data: Buffer; width: number; height: number }> {
  try {
    const input = "channels" in bytes
      ? sharp(bytes.data, { raw: { width: bytes.width, height: bytes.height, channels: bytes.channels } })
      : sharp(bytes, { limitInputPixels: 200_000_000 }).rotate();
    // effort 2: half the encoding time of the default for a few per cent more bytes.
    const { data, info } = await input.webp({ quality: 82, effort: 2 }).toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw new UploadError("图片无法解码，文件可能已损坏");
  }
}

/** Stores a page image rendered from its PDF (as WebP); returns its media URL and size. */
export async function storeRenderedPage(png: RawImage): Promise<{ path: string; width: number; height: number }> {
  const webp = await toWebp(png);
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
    if (bytes.length > MAX_PDF_BYTES) throw new UploadError("PDF 不能超过 50 MB");
    const png = await renderPdfFirstPage(bytes).catch((e) => {
      throw e instanceof PdfRenderError ? new UploadError(e.message) : e;
    });
    const webp = await toWebp(png);
    const pdf = await store(bytes, "pdf");
    return { image: { name: await store(webp.data, "webp"), width: webp.width, height: webp.height }, pdf };
  }
  if (bytes.length > MAX_IMAGE_BYTES) throw new UploadError("图片不能超过 30 MB");
  const meta = await sharp(bytes).metadata().catch(() => null);
  if (!meta || meta.format !== (kind === "jpeg" ? "jpeg" : kind) || !meta.width || !meta.height) {
    throw new UploadError("图片无法解码，文件可能已损坏");
  }
  const webp = await toWebp(bytes);
  return { image: { name: await store(webp.data, "webp"), width: webp.width, height: webp.height }, pdf: null };
}
