// Every back-office entry point must check who is asking before it touches data. This reads the
// source of each page, layout, route handler and "use server" file under app/admin, app/media,
// app/img and app/api (but the routes with their own checks) and fails when an exported function does
// not call a guard before its first data access.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
// adminAction and issueAction (app/admin/_lib/action.ts) call authorizeAction before anything
// else; the last test below holds them to it.
const GUARD = /\b(requireEditor|requireAdmin|authorizeAction|authorizeRequest|adminAction|issueAction)\s*\(/;
// Routes that are public by design or check their own credentials (app/api/reader: reader
// sessions, never a way into the back office).
const API_EXEMPT = /^app\/api\/(health|auth|signin|reader)(\/|$)/;
// The public read API (published content only): its GET handlers are open to all; anything
// that could change state there must still be guarded.
const PUBLIC_READ = /^app\/api\/v1\//;

// Imported beside the stores but touching nothing: building a URL from a name.
const PURE_HELPERS = new Set(["mediaUrl"]);
// Asked only of media already known to be published: the reader's access policy, not a draft.
const PUBLISHED_ONLY = new Set(["getMediaAccess"]);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function entryFiles(): string[] {
  const files = ["app/admin", "app/media", "app/img", "app/api"].flatMap((d) => walk(join(ROOT, d)))
    .map((f) => relative(ROOT, f).split("\\").join("/"));
  return files.filter((f) => {
    if (API_EXEMPT.test(f)) return false;
    if (/\/(page|layout|route)\.tsx?$/.test(f)) return true;
    return /\.tsx?$/.test(f) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(join(ROOT, f), "utf8"));
  });
}

/** Names this file imports from the data layer or from modules that store things. */
function dataNames(source: string): string[] {
  const names: string[] = [];
  const re = /import\s*\{([^}]*)\}\s*from\s*["'](@\/db\/[^"']+|@\/lib\/uploads|@\/app\/admin\/_lib\/load|@\/app\/admin\/preview\/_load|\.\.?\/[^"']*_load|@\/app\/\[paper\]\/_lib\/load)["']/g;
  for (const m of source.matchAll(re)) {
    for (const part of m[1].split(",")) {
      const name = part.replace(/\btype\b/, "").split(/\s+as\s+/).pop()!.trim();
      if (name && !/^[A-Z]/.test(name)) names.push(name); // functions, not types or classes
    }
  }
  return names;
}

/** The exported functions of a file, each with its body's text. */
function exportedBodies(source: string): { name: string; body: string }[] {
  const starts = [...source.matchAll(/export\s+(default\s+)?(async\s+)?function\s*(\w*)\s*\(|export\s+const\s+(\w+)\s*=\s*(async\s*)?(\w+\s*)?\(/g)];
  return starts.map((m, i) => ({
    name: m[3] || m[4] || "default",
    body: source.slice(m.index!, starts[i + 1]?.index ?? source.length),
  }));
}

/** What is wrong with a file's entry points: empty when each calls a guard before any data. */
function problems(source: string, publicRead = false): string[] {
  const data = dataNames(source);
  const bodies = exportedBodies(source).filter((b) => b.name !== "generateMetadata" && b.name !== "generateStaticParams");
  if (bodies.length === 0) return ["no exported function found"];
  if (publicRead) return bodies.filter((b) => !/^(GET|HEAD|OPTIONS)$/.test(b.name) && !GUARD.test(b.body)).map((b) => `${b.name}: no guard call`);
  const out: string[] = [];
  for (const { name, body } of bodies) {
    const guard = body.search(GUARD);
    if (guard < 0) { out.push(`${name}: no guard call`); continue; }
    for (const d of data) {
      // Reader queries (…Published…) see published content only, which is public: a route may
      // ask them before deciding whether it needs a session (db/queries/reader-queries.test.ts).
      if (/Published/.test(d) || PURE_HELPERS.has(d) || PUBLISHED_ONLY.has(d)) continue;
      const use = body.search(new RegExp(`\\b${d}\\s*\\(`));
      if (use >= 0 && use < guard) out.push(`${name}: ${d}() before the guard`);
    }
  }
  return out;
}

describe("back-office authorisation", () => {
  it("catches a missing guard and a guard that comes too late", () => {
    const late = `import { listUsers } from "@/db/queries/users";\nexport default async function P() { const u = listUsers(); await requireAdmin(); }`;
    const none = `"use server";\nexport async function a() { return 1; }`;
    expect(problems(late)).toEqual(["P: listUsers() before the guard"]);
    expect(problems(none)).toEqual(["a: no guard call"]);
    const publicFirst = `import { isPublishedMedia } from "@/db/queries/pages";\nimport { getMediaOwnerStatus } from "@/db/queries/edit-pages";\n` +
      `export async function GET() { if (isPublishedMedia("x")) return 1; getMediaOwnerStatus("x"); await authorizeRequest(r); }`;
    expect(problems(publicFirst)).toEqual(["GET: getMediaOwnerStatus() before the guard"]);
    const wrapped = `"use server";\nexport const a = adminAction({ input: X }, () => 1);\nexport const b = other({ input: X }, () => 1);`;
    expect(problems(wrapped)).toEqual(["b: no guard call"]);
  });

  it("the action wrappers check the session before they parse, load or run anything", () => {
    const source = readFileSync(join(ROOT, "app/admin/_lib/action.ts"), "utf8");
    const fns = [...source.matchAll(/^(export )?function (\w+)/gm)].map((m, i, all) => ({
      exported: Boolean(m[1]), name: m[2], body: source.slice(m.index!, all[i + 1]?.index ?? source.length),
    }));
    const exported = fns.filter((f) => f.exported);
    expect(exported.map((w) => w.name).sort()).toEqual(["adminAction", "issueAction"]);
    // Each wrapper hands its work to guarded(), whose first step is the session check.
    for (const { name, body } of exported) expect(body, name).toMatch(/return guarded\(/);
    const guarded = fns.find((f) => f.name === "guarded")!.body;
    const guard = guarded.search(/await authorizeAction\(/);
    expect(guard).toBeGreaterThan(0);
    for (const step of [/\.parse\(/, /fields\(/, /\bbody\(/]) expect(guarded.search(step), String(step)).toBeGreaterThan(guard);
  });

  const files = entryFiles();

  it("finds the entry points it is meant to check", () => {
    expect(files).toContain("app/admin/(office)/page.tsx");
    expect(files).toContain("app/media/[name]/route.ts");
    expect(files).toContain("app/img/[...path]/route.ts");
    expect(files.some((f) => f.startsWith("app/admin/_actions/"))).toBe(true);
  });

  for (const file of files) {
    it(`${file} checks the session before reading data`, () => {
      const source = readFileSync(join(ROOT, file), "utf8");
      expect(problems(source, PUBLIC_READ.test(file))).toEqual([]);
    });
  }
});
