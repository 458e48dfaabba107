import { describe, expect, it } from "vitest";
import { articleMeta, authorNames, serializeJsonLd } from "./article-metadata";

const input = {
  origin: "https://epaper.example",
  paper: { slug: "linlan", name: "临澜日报" },
  issue: { date: "2026-11-26", number: 8123, publishedAt: "2026-11-25T22:00:00.000Z" },
  article: {
    id: 7, title: "临澜地铁1号线一期开通运营", subtitle: "——我市正式迈入“地铁时代”", byline: "本报记者 程雨桐 许嘉禾",
    paragraphs: ["11月25日上午10时，".repeat(20)], images: [{ src: "/media/a.jpg", caption: "首班列车" }], pageLabel: "1", section: "要闻",
  },
};

describe("articleMeta", () => {
  it("builds a NewsArticle with absolute URLs, authors and dates", () => {
    const m = articleMeta(input);
    expect(m.canonical).toBe("https://epaper.example/linlan/2026-11-26/article/7");
    expect(m.jsonLd).toMatchObject({
      "@type": "NewsArticle", headline: input.article.title, datePublished: "2026-11-25T22:00:00.000Z",
      author: [{ "@type": "Person", name: "程雨桐" }, { "@type": "Person", name: "许嘉禾" }],
      image: ["https://epaper.example/media/a.jpg"], articleSection: "要闻", alternativeHeadline: "我市正式迈入“地铁时代”",
    });
    expect(m.openGraph).toMatchObject({ type: "article", siteName: "临澜日报", url: m.canonical });
    expect(m.description.length).toBeLessThanOrEqual(121);
  });

  it("falls back to the paper as author", () => {
    const m = articleMeta({ ...input, article: { ...input.article, byline: null } });
    expect(m.jsonLd.author).toEqual([expect.objectContaining({ name: "临澜日报" })]);
  });
});

describe("authorNames", () => {
  it("reads names out of printed author lines", () => {
    expect(authorNames("本报讯（记者 陈柏舟 通讯员 蒋晓雯）")).toEqual(["陈柏舟", "蒋晓雯"]);
    expect(authorNames("本报记者 苏念")).toEqual(["苏念"]);
  });
});

describe("serializeJsonLd", () => {
  it("cannot close its script tag", () => {
    expect(serializeJsonLd({ t: "</script><script>alert(1)</script>" })).not.toContain("<");
  });
});
