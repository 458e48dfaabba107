import { describe, expect, it } from "vitest";
import { articleHref, parseSearchParams, searchHref } from "./params";
import { parseHighlightParam } from "./highlight";

describe("parseSearchParams", () => {
  it("reads a full request", () => {
    const r = parseSearchParams({ q: "外贸", paper: "linlan", from: "2026-11-01", to: "2026-11-30", section: "综合", page: "2" });
    expect(r.filters).toEqual({ paper: "linlan", from: "2026-11-01", to: "2026-11-30", section: "综合" });
    expect(r.page).toBe(2);
    expect(r.notes).toEqual([]);
  });

  it("turns date= into a one-day range", () => {
    expect(parseSearchParams({ q: "x", date: "2026-11-26" }).filters).toMatchObject({ from: "2026-11-26", to: "2026-11-26" });
  });

  it("ignores malformed filters with a note each", () => {
    const r = parseSearchParams({ q: "x", paper: "../../etc", from: "2026-13-45", to: "yesterday", page: "-1" });
    expect(r.filters).toEqual({ paper: null, from: null, to: null, section: null });
    expect(r.page).toBe(1);
    expect(r.notes).toHaveLength(4);
  });

  it("swaps a reversed range", () => {
    const r = parseSearchParams({ q: "x", from: "2026-11-30", to: "2026-11-01" });
    expect(r.filters).toMatchObject({ from: "2026-11-01", to: "2026-11-30" });
    expect(r.notes).toHaveLength(1);
  });
});

describe("links", () => {
  it("builds article links carrying the terms", () => {
    expect(articleHref("linlan", "2026-11-26", 7, ["外贸", "gdp"])).toBe(
      "/linlan/2026-11-26/article/7?hl=%E5%A4%96%E8%B4%B8+gdp",
    );
    expect(parseHighlightParam(new URLSearchParams("hl=%E5%A4%96%E8%B4%B8+gdp").get("hl"))).toEqual(["gdp", "外贸"]);
  });

  it("builds search links", () => {
    expect(searchHref("外贸", { paper: "linlan", date: "2026-11-26" }, 2)).toBe("/search?q=%E5%A4%96%E8%B4%B8&paper=linlan&date=2026-11-26&page=2");
    expect(searchHref("", {})).toBe("/search");
  });
});
