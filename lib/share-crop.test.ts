import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import sharp from "sharp";
import { shareBox, shareImage, SHARE_HEIGHT, SHARE_WIDTH } from "./share-crop";

describe("shareBox", () => {
  it("cuts a tall zone to its top, no taller than wide", () => {
    expect(shareBox({ x: 0.5, y: 0.25, w: 0.25, h: 0.5 }, 1000, 2000)).toEqual({ left: 500, top: 500, width: 250, height: 250 });
  });
  it("stays inside the image", () => {
    const b = shareBox({ x: 0.9, y: 0.9, w: 0.5, h: 0.5 }, 1000, 1000);
    expect(b.left + b.width).toBeLessThanOrEqual(1000);
    expect(b.top + b.height).toBeLessThanOrEqual(1000);
  });
});

describe("shareImage", () => {
  it("makes a 1200 × 630 JPEG from a page scan", async () => {
    const file = resolve("public/demo/linlan-2026-11-26-1.webp");
    const out = await shareImage(file, { x: 0.05, y: 0.2, w: 0.6, h: 0.3 });
    const meta = await sharp(out).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: SHARE_WIDTH, height: SHARE_HEIGHT });
  });
});
