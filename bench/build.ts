// Whether to build, and building into the bench's own dist dir (.next-bench) so a developer's
// .next is never touched.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
// What `next build` compiles (and scripts/islands.mjs, which bundles the reader's scripts before
// it). The rest of scripts/ and bench/ run through tsx and are not part of the build.
const SOURCES = ["app", "components", "lib", "db", "public", "scripts/islands.mjs", "next.config.js", "package-lock.json", "tsconfig.json", "middleware.ts", "proxy.ts"];
const IGNORED = /(\.test\.tsx?|\.md)$/;

/** The newest source file and its mtime (ms). */
export function newestSource(): { path: string; mtimeMs: number } {
  let newest = { path: "", mtimeMs: 0 };
  const visit = (p: string) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== "node_modules" && !name.startsWith(".")) visit(join(p, name));
    } else if (!IGNORED.test(p) && st.mtimeMs > newest.mtimeMs) {
      newest = { path: relative(ROOT, p), mtimeMs: st.mtimeMs };
    }
  };
  for (const s of SOURCES) visit(join(ROOT, s));
  return newest;
}

export type BuildDecision = { build: boolean; reason: string };

/**
 * Full runs rebuild when any source is newer than BUILD_ID. --quick reuses any existing build
 * (a build takes longer than the whole quick run) and says when it is older than the sources.
 * --build forces a build; --no-build never builds.
 */
export function decideBuild(distDir: string, mode: { quick: boolean; force?: boolean; never?: boolean }): BuildDecision {
  const buildId = join(ROOT, distDir, "BUILD_ID");
  if (mode.force) return { build: true, reason: "--build given" };
  if (!existsSync(buildId)) {
    if (mode.never) throw new Error(`--no-build, but ${distDir}/BUILD_ID does not exist`);
    return { build: true, reason: `no ${distDir}/BUILD_ID yet` };
  }
  const builtAt = statSync(buildId).mtimeMs;
  const newest = newestSource();
  const stale = newest.mtimeMs > builtAt;
  const age = stale ? `; ${newest.path} is newer than the build` : "; no source is newer";
  if (mode.never) return { build: false, reason: `--no-build: reusing ${distDir}${age}` };
  if (!stale) return { build: false, reason: `reusing ${distDir}${age}` };
  if (mode.quick) return { build: false, reason: `--quick reuses an existing BUILD_ID${age} (run without --quick, or with --build, to rebuild)` };
  return { build: true, reason: `rebuilding${age}` };
}

/**
 * `next build` into distDir, as its two halves (compile, then generate): the same output as a
 * plain `next build` without its type-check pass, which is `npm run typecheck`'s job and would
 * make the benchmark fail on a type error elsewhere. Next rewrites tsconfig.json to include the
 * dist dir's types: undone.
 */
export function runBuild(distDir: string, logFile: string): { seconds: number; warnings: number } {
  const tsconfig = join(ROOT, "tsconfig.json");
  const before = readFileSync(tsconfig);
  const t0 = performance.now();
  let log = "";
  try {
    const islands = spawnSync(process.execPath, [join(ROOT, "scripts/islands.mjs")], { cwd: ROOT, encoding: "utf8" });
    log += `${islands.stdout ?? ""}${islands.stderr ?? ""}`;
    if (islands.status !== 0) throw new Error(`the islands' build failed (exit ${islands.status}): ${islands.stderr}`);
    for (const mode of ["compile", "generate"]) {
      const r = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build", "--experimental-build-mode", mode], {
        cwd: ROOT,
        env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      });
      log += `${r.stdout ?? ""}${r.stderr ?? ""}`;
      writeFileSync(logFile, log);
      if (r.status !== 0) throw new Error(`next build (${mode}) failed (exit ${r.status}); see ${relative(ROOT, logFile)}`);
    }
  } finally {
    if (!readFileSync(tsconfig).equals(before)) writeFileSync(tsconfig, before);
  }
  // A newcomer reads any "Warning:" in the build output as a failure: the report counts them.
  const warnings = (log.match(/^\s*(Warning|⚠)\b/gm) ?? []).length;
  return { seconds: (performance.now() - t0) / 1000, warnings };
}
