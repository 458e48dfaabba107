// The reader's own scripts (components/reader/islands.ts and what it loads), bundled with esbuild
// into public/islands/ under content-hashed names, with manifest.json naming the entry. Reader
// pages are server HTML with these small scripts and none of Next's client runtime (React DOM and
// the app router alone are 131 KB gzip, over a phone's whole budget): server/next-runtime.ts
// drops Next's scripts from any page that carries ours. Runs before `next build`, and by itself
// with `node scripts/islands.mjs`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
export const ISLANDS_DIR = join(ROOT, "public/islands");
const ENTRY = join(ROOT, "components/reader/islands.ts");

/** Builds the islands; returns the entry's URL and the bytes written. */
export async function buildIslands() {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: { reader: ENTRY },
    outdir: ISLANDS_DIR,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    // Chrome 87 / Safari 14: the phones our readers still carry.
    target: ["chrome87", "safari14", "firefox90"],
    minify: true,
    entryNames: "[name]-[hash]",
    chunkNames: "c-[hash]",
    alias: { "@": ROOT },
    legalComments: "none",
    // Chinese as UTF-8 (3 bytes a character), not \u escapes (6).
    charset: "utf8",
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  // Only now that the build worked: the old hashed files go, the new ones come. A file that is
  // already there unchanged is left alone, so its date does not make the build look stale.
  mkdirSync(ISLANDS_DIR, { recursive: true });
  const wanted = new Set(result.outputFiles.map((f) => basename(f.path)).concat("manifest.json"));
  for (const name of readdirSync(ISLANDS_DIR)) if (!wanted.has(name)) rmSync(join(ISLANDS_DIR, name), { recursive: true, force: true });
  let bytes = 0;
  for (const f of result.outputFiles) {
    if (!existsSync(f.path) || !readFileSync(f.path).equals(f.contents)) writeFileSync(f.path, f.contents);
    bytes += f.contents.length;
  }
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)?.[0];
  if (!entry) throw new Error("islands: esbuild produced no entry");
  const src = `/islands/${entry.split("/").pop()}`;
  const manifest = join(ISLANDS_DIR, "manifest.json");
  const text = `${JSON.stringify({ entry: src })}\n`;
  if (!existsSync(manifest) || readFileSync(manifest, "utf8") !== text) writeFileSync(manifest, text);
  return { entry: src, files: readdirSync(ISLANDS_DIR).length, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { entry, files, bytes } = await buildIslands();
  console.log(`islands: ${entry} (${files} files, ${(bytes / 1024).toFixed(1)} KB before compression)`);
}
