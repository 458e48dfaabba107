import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "./script-hashes";
import { rendersOnIslands, runsOnIslands, withoutNextRuntime } from "./next-runtime";

// The shape of a page as Next 16 (Turbopack) renders it, cut down to one of each kind of tag.
const page = (ours: string) => [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/0abc.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/28na.js"/>',
  '<script src="/_next/static/chunks/2lsl.js" async=""></script>',
  '<script src="/prefs.js"></script>',
  '<script src="/_next/static/chunks/0cz1.js" noModule=""></script>',
  '</head><body><main><h1>临澜日报</h1></main>',
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  ours,
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
  "</body></html>",
].join("");

const ISLANDS = '<script type="module" src="/islands/reader-AB12.js" data-islands=""></script>';

describe("withoutNextRuntime", () => {
  it("drops Next's scripts, preloads and RSC payload from a page that runs on islands", () => {
    const html = withoutNextRuntime(page(ISLANDS));
    expect(html).not.toContain("/_next/static/chunks/2lsl.js");
    expect(html).not.toContain("/_next/static/chunks/0cz1.js");
    expect(html).not.toContain('rel="preload"');
    expect(html).not.toContain("__next_f");
    expect(html).not.toContain("TURBOPACK");
    // What the page itself needs stays: styles, the settings script, JSON-LD, the islands.
    expect(html).toContain('href="/_next/static/chunks/0abc.css"');
    expect(html).toContain('<script src="/prefs.js"></script>');
    expect(html).toContain('{"@type":"NewsArticle"}');
    expect(html).toContain(ISLANDS);
    expect(html).toContain("<h1>临澜日报</h1>");
    // The CSP then lists the one inline script left, the JSON-LD.
    expect(inlineScriptHashes(html)).toHaveLength(1);
  });

  it("leaves a page without the islands' script as it was", () => {
    const html = page("");
    expect(runsOnIslands(html)).toBe(false);
    expect(withoutNextRuntime(html)).toBe(html);
  });

  it("sends reader pages, the preview and the editors' sign-in in full to a client navigation", () => {
    expect(rendersOnIslands("/linlan/2026-11-26", "reader")).toBe(true);
    expect(rendersOnIslands("/admin/preview/linlan/2026-11-26", "private")).toBe(true);
    expect(rendersOnIslands("/signin", "private")).toBe(true);
    expect(rendersOnIslands("/admin", "private")).toBe(false);
    expect(rendersOnIslands("/account/bookmarks", "private")).toBe(false);
    expect(rendersOnIslands("/admin/previewer", "private")).toBe(false);
  });
});
