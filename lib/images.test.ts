import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureVariant, imageSrcSet, parseImagePath, parseWidth, variantPath } from "./images";

describe("image names", () => {
  it("accept the demo scans and stored upload names", () => {
    expect(parseImagePath(["demo", "linlan-2026-11-26-1.webp"])).toEqual({ source: "demo", name: "linlan-2026-11-26-1.webp" });
    expect(parseImagePath(["media", "0123456789abcdef0123456789abcdef.webp"])).toMatchObject({ source: "media" });
  });

  it("refuse traversal, other folders, other names and PDFs", () => {
    const bad = [
      ["demo", "..", "secret.webp"], ["demo", "../auth-secret"], ["demo", "..%2Fauth-secret"], ["demo", "a/b.webp"],
      ["demo", ".hidden.webp"], ["demo", "Upper.webp"], ["demo", "x.svg"], ["demo", "x.webp\u0000.png"],
      ["media", "0123456789abcdef0123456789abcdef.pdf"], ["media", "0123456789abcdef.webp"], ["media", ".variants"],
      ["public", "x.webp"], ["demo"], [], ["etc", "passwd"],
    ];
    for (const segments of bad) expect(parseImagePath(segments), segments.join("/")).toBeNull();
  });

  it("allow only the listed widths, written plainly", () => {
    expect(parseWidth("480")).toBe(480);
    expect(parseWidth("1600")).toBe(1600);
    for (const w of [null, "", "500", "0960", "960.0", "-960", "9600", "1e3", " 960"]) expect(parseWidth(w), String(w)).toBeNull();
  });

  it("build srcset only for images we can make variants of", () => {
    expect(imageSrcSet("/demo/linlan-2026-11-26-1.webp")).toBe(
      "/img/demo/linlan-2026-11-26-1.webp?w=480 480w, /img/demo/linlan-2026-11-26-1.webp?w=960 960w, /img/demo/linlan-2026-11-26-1.webp?w=1600 1600w",
    );
    expect(imageSrcSet("https://elsewhere.example/x.webp")).toBeNull();
    expect(imageSrcSet("/demo/../x.webp")).toBeNull();
  });
});

describe("ensureVariant", () => {
  let dir: string;
  const saved = process.env.DATABASE_PATH;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "banmian-img-"));
    process.env.DATABASE_PATH = join(dir, "epaper.db");
  });
  afterAll(() => {
    process.env.DATABASE_PATH = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("makes a WebP of the asked width once, and reuses it", async () => {
    const ref = { source: "demo" as const, name: "linlan-2026-11-26-1.webp" };
    const [a, b] = await Promise.all([ensureVariant(ref, 480), ensureVariant(ref, 480)]);
    expect(a).toBe(variantPath(ref, 480));
    expect(b).toBe(a);
    const meta = await sharp(a!).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 480 });
    const made = statSync(a!).mtimeMs;
    await ensureVariant(ref, 480);
    expect(statSync(a!).mtimeMs).toBe(made);
  });

  it("never enlarges, and answers null for an original that is not there", async () => {
    const big = await ensureVariant({ source: "demo", name: "linlan-2026-11-26-1.webp" }, 1600);
    expect((await sharp(big!).metadata()).width).toBeLessThanOrEqual(1600);
    expect(await ensureVariant({ source: "demo", name: "no-such-scan.webp" }, 480)).toBeNull();
    expect(await ensureVariant({ source: "media", name: "0123456789abcdef0123456789abcdef.webp" }, 480)).toBeNull();
  });
});
