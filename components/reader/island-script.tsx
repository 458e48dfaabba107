// The reader's scripts (components/reader/islands.ts, bundled by scripts/islands.mjs). A page
// that renders this runs on them alone: the server drops Next's client runtime from its HTML
// (server/next-runtime.ts), so every interactive part of it must be an island.
import { readFileSync } from "node:fs";
import { join } from "node:path";

let entry: string | null = null;

function islandsEntry(): string {
  // Read once in production; in development on every render, as `npm run islands` rebuilds it.
  if (entry && process.env.NODE_ENV === "production") return entry;
  const file = join(/*turbopackIgnore: true*/ process.cwd(), "public/islands/manifest.json");
  try {
    entry = (JSON.parse(readFileSync(file, "utf8")) as { entry: string }).entry;
  } catch {
    // Without it the reader's controls would be dead: fail the render, loudly.
    throw new Error("public/islands/manifest.json is missing: run `node scripts/islands.mjs` (npm run build does)");
  }
  return entry;
}

export function IslandScript() {
  return <script type="module" src={islandsEntry()} data-islands="" />;
}
