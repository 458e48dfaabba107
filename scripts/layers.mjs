// The layering rules of docs/architecture.md, checked on every import in the repository:
//   lib/         domain logic: imports nothing of app/, components/, db/, server/, next or react;
//   db/          schema and named queries: may use lib/, never app/, components/ or server/;
//   components/  UI: may import server actions from app/ (…/_actions/…, actions.ts), nothing else there;
//   server/      HTTP infrastructure for scripts/serve.ts: never app/ or components/;
//   reader pages (app/ outside account/, admin/, api/ and (auth)/, except route handlers) and
//                components/ never read cookies or the reader's session: a reader page is the same
//                for every visitor, which is why the server's copy of it may answer a subscriber
//                too (server/http-cache.ts). A route handler that decides by the reader's access
//                (alto.xml, issue.pdf) answers an anonymous visitor 403 for what is gated, and a
//                403 is never kept.
//   islands (*.island.ts and components/reader/islands.ts) run in the browser on reader pages,
//                which carry no React and no Next client runtime (server/next-runtime.ts): they
//                import neither, nor db/, server/, app/ or node:; and nothing under
//                components/reader/ or components/search/ is a "use client" component, which
//                would render there and never run.
// `npm run lint` runs it; lib/layers.test.ts proves each rule can fail.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const SKIP = new Set(["node_modules", ".git", "test-results", "data", "public", "playwright-report"]);
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every import of a source file: its specifier, whether it is type-only, and the target's path. */
export function importsOf(root, file, source) {
  const out = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[2] ?? m[3];
    let target = null;
    if (spec.startsWith("@/")) target = relative(root, resolve(root, spec.slice(2)));
    else if (spec.startsWith(".")) target = relative(root, resolve(dirname(join(root, file)), spec));
    out.push({ spec, typeOnly: Boolean(m[1]), target: target?.split(sep).join("/") ?? null });
  }
  return out;
}

const isPackage = (spec, name) => spec === name || spec.startsWith(`${name}/`);
const PERSONAL = ["app/(auth)/reader-session", "app/(auth)/auth", "app/[paper]/_lib/published-page"];
const readsVisitor = (imp) => isPackage(imp.spec, "next/headers") || (imp.target && PERSONAL.includes(imp.target.replace(/\.tsx?$/, "")));
/** Files that render reader pages: what the shared copy holds. */
const isReaderPageFile = (file) =>
  file.startsWith("components/") ||
  (file.startsWith("app/") && !/^app\/(account|admin|api|\(auth\))\//.test(file) && !/\/route\.tsx?$/.test(file) &&
    !/\.test\.tsx?$/.test(file) && !PERSONAL.includes(file.replace(/\.tsx?$/, "")));
const isServerAction = (target) => /^app\/(.+\/)?(_actions\/.+|actions)$/.test(target.replace(/\.tsx?$/, ""));

/** The rule an import breaks, or null. `file` and targets are repository-relative with "/". */
export function brokenRule(file, imp) {
  const from = file.split("/")[0];
  const to = imp.target?.split("/")[0] ?? null;
  if (from === "lib") {
    if (to && ["app", "components", "db", "server"].includes(to)) return `lib/ may not import ${to}/`;
    if (!imp.target && (isPackage(imp.spec, "next") || isPackage(imp.spec, "react") || isPackage(imp.spec, "next-auth"))) {
      return `lib/ may not import ${imp.spec}`;
    }
  }
  if (from === "db" && to && ["app", "components", "server"].includes(to)) return `db/ may not import ${to}/`;
  if (from === "server" && to && ["app", "components"].includes(to)) return `server/ may not import ${to}/`;
  if (from === "components" && to === "app" && !imp.typeOnly && !isServerAction(imp.target)) {
    return "components/ may import only server actions from app/";
  }
  if (from === "components" && to === "app" && imp.typeOnly) return "components/ may not take types from app/";
  if (isReaderPageFile(file) && readsVisitor(imp)) return "reader pages and components may not read cookies or the reader's session";
  if (isIsland(file)) {
    if (to && ["app", "db", "server"].includes(to)) return `islands may not import ${to}/`;
    if (!imp.target && ["react", "react-dom", "next", "next-auth", "server-only"].some((n) => isPackage(imp.spec, n))) return `islands may not import ${imp.spec}`;
    if (imp.spec.startsWith("node:")) return `islands may not import ${imp.spec}`;
  }
  return null;
}

const isIsland = (file) => /\.island\.ts$/.test(file) || file === "components/reader/islands.ts";
const USE_CLIENT = /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/;

/** The rule a whole file breaks, or null. */
export function brokenFileRule(file, source) {
  if (/^components\/(reader|search)\//.test(file) && USE_CLIENT.test(source)) {
    return 'reader components may not be "use client": reader pages run on islands (*.island.ts)';
  }
  return null;
}

function sourceFiles(root, dir = "") {
  const files = [];
  for (const name of readdirSync(join(root, dir))) {
    if (SKIP.has(name) || name.startsWith(".next")) continue;
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(root, rel)).isDirectory()) files.push(...sourceFiles(root, rel));
    else if (/\.(ts|tsx|mjs|js)$/.test(name) && !name.endsWith(".d.ts")) files.push(rel);
  }
  return files;
}

/** Every broken rule in the tree, as "file: spec (rule)". */
export function checkLayers(root) {
  const problems = [];
  for (const file of sourceFiles(root)) {
    const source = readFileSync(join(root, file), "utf8");
    const fileRule = brokenFileRule(file, source);
    if (fileRule) problems.push(`${file} (${fileRule})`);
    for (const imp of importsOf(root, file, source)) {
      const rule = brokenRule(file, imp);
      if (rule) problems.push(`${file}: ${imp.spec} (${rule})`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkLayers(resolve(dirname(fileURLToPath(import.meta.url)), ".."));
  for (const p of problems) console.error(p);
  console.log(problems.length ? `layers: ${problems.length} imports break the layering` : "layers: ok");
  process.exit(problems.length ? 1 : 0);
}
