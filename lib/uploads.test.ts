import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { MEDIA_NAME, UploadError, mediaDir, sniffKind, storePageUpload } from "./uploads";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "banmian-uploads-"));
  process.env.DATABASE_PATH = join(dir, "epaper.db");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const png = () => sharp({ create: { width: 40, height: 60, channels: 3, background: "#eee" } }).png().toBuffer();

/** A one-page PDF written by hand: enough for pdftoppm. */
function tinyPdf(): Buffer {
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = objs.map((o, i) => { const at = out.length; out += `${i + 1} 0 obj\n${o}\nendobj\n`; return at; });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

describe("page uploads", () => {
  it("recognises files by their bytes, not their names", async () => {
    expect(sniffKind(await png())).toBe("png");
    expect(sniffKind(await sharp(await png()).jpeg().toBuffer())).toBe("jpeg");
    expect(sniffKind(await sharp(await png()).webp().toBuffer())).toBe("webp");
    expect(sniffKind(Buffer.from("<svg onload=alert(1)>"))).toBeNull();
  });

  it("stores a scan as WebP under a random name in the media folder, with its size", async () => {
    const stored = await storePageUpload(await png());
    expect(stored.image).toMatchObject({ width: 40, height: 60 });
    expect(stored.image.name).toMatch(MEDIA_NAME);
    expect(mediaDir()).toBe(join(dir, "media"));
    expect((await sharp(join(mediaDir(), stored.image.name)).metadata()).format).toBe("webp");
  });

  it("refuses text dressed as an image, and a truncated PNG", async () => {
    const fake = Buffer.from("这不是图片，只是一段文字。<script>alert(1)</script>");
    await expect(storePageUpload(fake)).rejects.toThrow(UploadError);
    const broken = (await png()).subarray(0, 40);
    await expect(storePageUpload(broken)).rejects.toThrow(/无法解码/);
    expect(readdirSync(mediaDir()).filter((n) => n.startsWith("."))).toEqual([]);
  });

  const hasPdftoppm = (() => { try { execFileSync("pdftoppm", ["-v"], { stdio: "ignore" }); return true; } catch { return false; } })();
  it.skipIf(!hasPdftoppm)("keeps a PDF and renders its first page to an image", async () => {
    const stored = await storePageUpload(tinyPdf());
    expect(stored.pdf).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(existsSync(join(mediaDir(), stored.pdf!))).toBe(true);
    expect(stored.image.width).toBeGreaterThan(300); // 200 pt at 150 dpi ≈ 417 px
  });

  it("refuses a broken PDF with a message", async () => {
    await expect(storePageUpload(Buffer.from("%PDF-1.4\nnot really"))).rejects.toThrow(UploadError);
  });
});
