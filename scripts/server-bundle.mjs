// How the production server (scripts/serve.ts) is run: bundled once with esbuild into the build's
// folder and started by plain `node`, rather than through tsx. tsx's loader hooks run on a thread
// of their own with its own JavaScript heap, and everything Next loads passes through them: the
// bench measured 189 MB resident at rest through tsx against 122 MB bundled, and a faster start.
// Only our TypeScript is bundled; packages stay in node_modules (packages: "external"), so Next,
// better-sqlite3 and the rest are the very same modules. Falls back to tsx if esbuild is missing.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ENTRY = "scripts/serve.ts";

/**
 * The environment the server (and the CLI's PDF import) runs with. MALLOC_ARENA_MAX: glibc gives
 * each thread that allocates its own malloc arena, and libvips encodes a page image on a thread
 * pool, so every page rendered in an import leaves its pixels' worth of freed memory in arenas
 * the process keeps; two arenas measured 100 MB less at the peak of a 16-page PDF import (bench)
 * for no measurable loss of speed. Read once at start, so it must be set before node starts.
 */
export function serverEnv(env = process.env) {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || "2" };
}

function upToDate(out, meta) {
  if (!existsSync(out) || !existsSync(meta)) return false;
  const builtAt = statSync(out).mtimeMs;
  try {
    const inputs = JSON.parse(readFileSync(meta, "utf8"));
    // Any input changed (or gone) since the bundle was made: make it again.
    return inputs.every((f) => existsSync(f) && statSync(f).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

/** Node arguments that run `entry` bundled as `name` in the build's folder; bundled again when its sources changed. */
async function bundledArgs(entry, name, distDir) {
  const out = resolve(join(distDir, name));
  const meta = `${out}.inputs.json`;
  if (upToDate(out, meta)) return [out];
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return ["--import", "tsx", entry];
  }
  const result = await esbuild.build({
    entryPoints: [entry], outfile: out, bundle: true, platform: "node", format: "esm", target: "node20",
    packages: "external", metafile: true, logLevel: "warning", legalComments: "none", write: false,
  });
  // Written aside and renamed: two servers starting at once never run a half-written file.
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, out);
  writeFileSync(`${meta}.${process.pid}.tmp`, JSON.stringify(Object.keys(result.metafile.inputs).map((f) => resolve(f))));
  renameSync(`${meta}.${process.pid}.tmp`, meta);
  return [out];
}

/** Node arguments that start the server; bundles it first when its sources changed. */
export function serverArgs(distDir = process.env.NEXT_DIST_DIR || ".next") {
  return bundledArgs(ENTRY, "banmian-server.mjs", distDir);
}

/**
 * Node arguments that run the newsroom's command line the same way (npm start's first set-up):
 * tsx spends about half a second compiling the CLI's modules on every run, a bundle none.
 */
export function cliArgs(distDir = process.env.NEXT_DIST_DIR || ".next") {
  return bundledArgs("scripts/epaper.ts", "banmian-epaper.mjs", distDir);
}
