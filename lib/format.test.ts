// Reader URLs: one builder for pages, feeds, the sitemap, the API and the preview.
import { describe, expect, it } from "vitest";
import { issueLinks } from "./format";

describe("issueLinks", () => {
  it("links the front page to the issue itself, never through the redirect", () => {
    const links = issueLinks("linlan", "2026-11-26", "1");
    expect(links.page("1")).toBe("/linlan/2026-11-26");
    expect(links.page("A3")).toBe("/linlan/2026-11-26/A3");
    expect(links.piece("1", 7)).toBe("/linlan/2026-11-26#piece-7");
    expect(links.article(31)).toBe("/linlan/2026-11-26/article/31");
    expect(links.contents).toBe("/linlan/2026-11-26/contents");
  });

  it("puts the same tree under a base (the preview)", () => {
    const links = issueLinks("linlan", "2026-11-26", "1", "/admin/preview");
    expect(links.page("1")).toBe("/admin/preview/linlan/2026-11-26");
    expect(links.page("2")).toBe("/admin/preview/linlan/2026-11-26/2");
  });
});
