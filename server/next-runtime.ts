// Reader pages run on the reader's own scripts (components/reader/islands.ts): a page whose HTML
// carries the islands' script (marked data-islands) is sent without Next's client runtime, which
// it does not use. Dropped: Next's <script src="/_next/static/…"> tags and their preloads, the
// bootstrap that loads them, and the RSC payload it would hydrate from (self.__next_f). Kept:
// every other script (/prefs.js, JSON-LD, ours). Links on such a page are plain navigations.
import type { ServerResponse } from "node:http";

const ISLANDS_MARK = /<script\b[^>]*\bdata-islands\b/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;
const NEXT_SRC = /\b(?:src|href)="\/_next\/static\/[^"]*\.js"/i;
// What Next's inline scripts start with: the RSC payload's pushes, and Turbopack's chunk list.
const NEXT_INLINE = /^\s*(?:\(self\.__next_f\s*=|self\.__next_f\.push\(|\(globalThis\["TURBOPACK"\])/;

/** True when the page brings its own scripts (the islands) and needs none of Next's. */
export function carriesIslands(html: string): boolean {
  return ISLANDS_MARK.test(html);
}

/** The page without Next's client runtime; any other page unchanged. */
export function withoutNextRuntime(html: string): string {
  if (!carriesIslands(html)) return html;
  return html
    .replace(SCRIPT, (whole, attrs: string, body: string) => {
      if (/\bsrc\s*=/.test(attrs)) return NEXT_SRC.test(attrs) ? "" : whole;
      return NEXT_INLINE.test(body) ? "" : whole;
    })
    // Preloads of Next's chunks, in whatever order their attributes come.
    .replace(LINK, (tag) => (/\brel="(?:preload|modulepreload)"/i.test(tag) && NEXT_SRC.test(tag) ? "" : tag));
}

const ISLAND_PATHS = /^\/(?:admin\/preview|signin)(?:\/|$|\?)/;

/**
 * Whether a path is one of the pages that run on islands (reader pages, the back office's
 * preview of them, the editors' sign-in with its reading settings): a client navigation from a
 * page that does run Next's router (the account pages, the back office) must load it in full,
 * or its islands would never start. Next's router does that for any answer that is not an RSC
 * payload. Keep in step with the pages that render <IslandScript/> (a test checks).
 */
export function isIslandPath(pathname: string, kind: "private" | "reader" | "other"): boolean {
  return kind === "reader" || ISLAND_PATHS.test(pathname);
}

/** Sent for an RSC request (client navigation or prefetch) to such a page: load it in full. */
export function answerWithFullLoad(res: ServerResponse) {
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store", vary: "rsc" })
    .end("this page loads in full\n");
}
