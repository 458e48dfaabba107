import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "./script-hashes";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { classifyPath } from "./http-cache";
import { carriesIslands, isIslandPath, withoutNextRuntime } from "./next-runtime";

// The shape of a page as Next 16 (Turbopack) renders it, cut down to one of each kind of tag.
const page = (ours: string) => [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/0abc.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/28na.js"/>',
  '<link href="/_next/static/chunks/9xyz.js" as="script" rel="preload"/>',
  '<link rel="preload" href="/demo/page-1.webp" as="image"/>',
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
    expect(html).not.toContain("28na.js");
    expect(html).not.toContain("9xyz.js");
    // Other preloads (the page scan) stay.
    expect(html).toContain('href="/demo/page-1.webp"');
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
    expect(carriesIslands(html)).toBe(false);
    expect(withoutNextRuntime(html)).toBe(html);
  });

  it("knows every page that renders the islands' script as one to load in full", () => {
    const pages: string[] = [];
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) visit(p);
        else if (/^page\.tsx$/.test(name)) pages.push(p);
      }
    };
    visit("app");
    const screens = /\b(IslandScript|PageView|ArticleScreen)\b/;
    const withIslands = pages.filter((p) => screens.test(readFileSync(p, "utf8")));
    expect(withIslands.length).toBeGreaterThan(5);
    for (const file of withIslands) {
      // app/admin/preview/[paper]/[date]/page.tsx → /admin/preview/x/2026-01-01
      const path = `/${file.replace(/^app\//, "").replace(/\/?page\.tsx$/, "")}`
        .replace(/\([^)]+\)\//g, "").replace(/\[[^\]]+\]/g, "x").replace(/\/$/, "") || "/";
      expect(isIslandPath(path, classifyPath(path)), file).toBe(true);
    }
  });

  it("sends reader pages, the preview and the editors' sign-in in full to a client navigation", () => {
    expect(isIslandPath("/linlan/2026-11-26", "reader")).toBe(true);
    expect(isIslandPath("/admin/preview/linlan/2026-11-26", "private")).toBe(true);
    expect(isIslandPath("/signin", "private")).toBe(true);
    expect(isIslandPath("/admin", "private")).toBe(false);
    expect(isIslandPath("/account/bookmarks", "private")).toBe(false);
    expect(isIslandPath("/admin/previewer", "private")).toBe(false);
  });
});
