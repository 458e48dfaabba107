// Every reader route that reads or writes a reader's data asks who the reader is first
// (readerOf), and every state change parses its body through parseBody (Origin check, zod).
// Reads the source of each route under app/api/reader.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
const DIR = join(ROOT, "app", "api", "reader");
// Sign-up/in/out create or end the session; the full text and /me answer anonymous readers too;
// the webhook has its own signature.
const OWN_RULES = /\/(signin|signup|signout|webhook|articles\/\[id\]|me)\/route\.ts$/;

function routes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routes(path) : name === "route.ts" ? [path] : [];
  });
}

describe("reader routes", () => {
  const files = routes(DIR);
  it("exist", () => expect(files.length).toBeGreaterThanOrEqual(10));
  for (const file of files) {
    const rel = relative(ROOT, file);
    const source = readFileSync(file, "utf8");
    const handlers = [...source.matchAll(/export async function (GET|POST|PUT|DELETE)\(/g)];
    for (const [i, m] of handlers.entries()) {
      const body = source.slice(m.index!, handlers[i + 1]?.index ?? source.length);
      it(`${rel} ${m[1]}: checks the reader before any data`, () => {
        if (m[1] !== "GET" && !rel.includes("webhook")) expect(body).toMatch(/parseBody\(request,/);
        if (OWN_RULES.test(file)) return;
        const guard = body.search(/readerOf\(request\)/);
        expect(guard).toBeGreaterThan(0);
        expect(body.slice(0, guard)).not.toMatch(/\b(list|set|record|save|find|redeem|delete)[A-Z]\w*\(/);
      });
    }
  }
});
