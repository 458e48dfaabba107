// Uploads bounded by decoding cost and by the disk: a tiny PNG promising 14,000 × 14,000 pixels
// is refused from its header; decodes run one at a time; a full disk leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { MAX_SCAN_PIXELS, StorageFullError, UploadError, mediaDir, storePageUpload, sweepOrphanMedia } from "./uploads";
import { DECODE_BUDGET_PIXELS, pixelsInFlight, withDecodeSlot } from "./decode-slot";
import { ensureVariant } from "./images";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "banmian-limits-"));
  process.env.DATABASE_PATH = join(dir, "epaper.db");
});
afterAll(() => {
  try { execFileSync("umount", [join(dir, "media")], { stdio: "ignore" }); } catch { /* not mounted */ }
  rmSync(dir, { recursive: true, force: true });
});

/** A PNG whose header claims width × height, with one row of real data: small on disk, huge decoded. */
function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(1 + width * 3))), chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("decoding cost", () => {
  it("refuses a 14,000 × 14,000 PNG from its header, at once and without decoding it", async () => {
    const before = process.memoryUsage().rss;
    const t = performance.now();
    await expect(storePageUpload(bombPng(14_000, 14_000))).rejects.toThrow(/像素过多/);
    expect(performance.now() - t).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(14_000 * 14_000).toBeGreaterThan(MAX_SCAN_PIXELS);
  });

  it("bounds the pixels decoded at once: page-sized scans side by side, a huge one alone", async () => {
    let peak = 0;
    const work = (pixels: number) => withDecodeSlot(pixels, async () => {
      peak = Math.max(peak, pixelsInFlight());
      await new Promise((r) => setTimeout(r, 20));
    });
    await Promise.all([work(3_000_000), work(3_000_000), work(3_000_000)]);
    expect(peak).toBe(9_000_000);
    peak = 0;
    await Promise.all([work(MAX_SCAN_PIXELS), work(MAX_SCAN_PIXELS), work(3_000_000)]);
    expect(peak).toBeLessThanOrEqual(DECODE_BUDGET_PIXELS);
    expect(pixelsInFlight()).toBe(0);
  });
});

const isRoot = process.getuid?.() === 0;

describe("a full disk", () => {
  it.skipIf(!isRoot)("answers StorageFullError and leaves no temporary file; the next upload after space returns succeeds", async () => {
    const media = mediaDir();
    mkdirSync(media, { recursive: true });
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", media]);
    try {
      // Fill the disk.
      try { writeFileSync(join(media, "filler"), Buffer.alloc(1024 * 1024)); } catch { /* full */ }
      const scan = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#888", noise: { type: "gaussian", mean: 128, sigma: 60 } } }).png().toBuffer();
      await expect(storePageUpload(scan)).rejects.toBeInstanceOf(StorageFullError);
      expect(readdirSync(media).filter((n) => n.endsWith(".tmp"))).toEqual([]);
      rmSync(join(media, "filler"));
      const ok = await storePageUpload(scan);
      expect(readdirSync(media)).toContain(ok.image.name);
    } finally {
      execFileSync("umount", [media]);
    }
  });
});

describe("a full disk and readers", () => {
  it.skipIf(!isRoot)("serves the original when a new width variant cannot be written", async () => {
    const media = mediaDir();
    mkdirSync(media, { recursive: true });
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", media]);
    try {
      const scan = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: "#eee" } }).png().toBuffer();
      const stored = await storePageUpload(scan);
      try { writeFileSync(join(media, "filler"), Buffer.alloc(1024 * 1024)); } catch { /* full */ }
      const file = await ensureVariant({ source: "media", name: stored.image.name }, 960);
      expect(file).toBe(join(media, stored.image.name));
      expect(readdirSync(join(media, ".variants", "media")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    } finally {
      execFileSync("umount", [media]);
    }
  });
});

describe("orphan media", () => {
  it("sweeps files no record refers to, once they are old enough", async () => {
    const media = mediaDir();
    mkdirSync(media, { recursive: true });
    const keep = "0123456789abcdef0123456789abcdef.webp";
    const orphan = "fedcba9876543210fedcba9876543210.webp";
    const young = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pdf";
    const tmp = ".bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.webp.tmp";
    for (const n of [keep, orphan, young, tmp]) writeFileSync(join(media, n), "x");
    const old = (Date.now() - 2 * 3_600_000) / 1000;
    for (const n of [keep, orphan, tmp]) utimesSync(join(media, n), old, old);
    const removed = await sweepOrphanMedia(new Set([`/media/${keep}`]));
    expect(removed.sort()).toEqual([tmp, orphan].sort());
    expect(readdirSync(media).sort()).toEqual([young, keep].sort());
  });

  it("still refuses what is not an image", async () => {
    await expect(storePageUpload(Buffer.from("GIF89a"))).rejects.toBeInstanceOf(UploadError);
  });
});
