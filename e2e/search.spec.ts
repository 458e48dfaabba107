// A reader searches the demo paper's archive, opens a result and sees the terms marked; bad
// queries get a calm page; the feed, the table of contents and the JSON API serve published
// issues only.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

/** The search page, in the reader's words. No assertions. */
class SearchPage {
  constructor(readonly page: Page) {}
  async open(query?: string) {
    await this.page.goto(query === undefined ? "/search" : `/search?q=${encodeURIComponent(query)}`);
  }
  async search(query: string) {
    await this.page.getByRole("searchbox", { name: "检索词" }).fill(query);
    await this.page.getByRole("button", { name: "检索", exact: true }).click();
  }
  status() {
    return this.page.getByRole("status").filter({ hasText: /\S/ });
  }
  results() {
    return this.page.locator(".search-result");
  }
  notes() {
    return this.page.getByRole("list", { name: "提示" });
  }
}

/** Fails the test if any page script opens a dialog (alert from injected markup). */
function forbidDialogs(page: Page) {
  page.on("dialog", async (d) => {
    await d.dismiss();
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
}

test.describe("search", () => {
  test("a two-character Chinese word is found, marked, and marked again in the article", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open();
    await search.search("外贸");
    await expect(search.results().first()).toBeVisible();
    const first = search.results().first();
    await expect(first.locator("mark", { hasText: "外贸" }).first()).toBeVisible();
    await expect(first).toContainText("临澜日报");
    await expect(first).toContainText(/第\d+版/);

    const title = (await first.getByRole("heading").textContent())?.trim() ?? "";
    await first.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/linlan\/\d{4}-\d{2}-\d{2}\/article\/\d+\?hl=/);
    await expect(page.getByRole("heading", { name: title }).first()).toBeVisible();
    await expect(page.locator("[data-article-body] mark.search-hit", { hasText: "外贸" }).first()).toBeVisible();
  });

  test("a Latin term is found whatever its case", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("app");
    await expect(search.results().first()).toBeVisible();
    await expect(search.results().first().locator("mark").first()).toHaveText(/^app$/i);
  });

  test("searching within one issue lists only that issue's articles", async ({ page }) => {
    await page.goto("/linlan/2026-11-25/contents");
    await expect(page.getByRole("heading", { name: "本期目录" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 }).first()).toContainText("第01版");
    await page.getByRole("searchbox", { name: "在本期中检索" }).fill("临澜");
    await page.getByRole("button", { name: "检索" }).click();
    await expect(page).toHaveURL(/date=2026-11-25/);
    const search = new SearchPage(page);
    await expect(search.results().first()).toBeVisible();
    for (const date of await page.locator(".search-result time").allInnerTexts()) expect(date).toBe("2026年11月25日");
  });

  for (const [name, query, expected] of [
    ["an empty query", "", /请输入要检索的词语/],
    ["FTS syntax", '"*()NEAR AND', /找到|没有找到/],
    ["markup", "<script>alert(1)</script>", /找到|没有找到/],
    ["a 1,000-character query", "外贸乌兰".repeat(250), /找到|没有找到/],
    ["only punctuation", "！？（）", /没有可检索的文字/],
  ] as const) {
    test(`${name} gets a sensible page`, async ({ page }) => {
      forbidDialogs(page);
      const response = await page.goto(`/search?q=${encodeURIComponent(query)}`);
      expect(response?.status()).toBe(200);
      await expect(new SearchPage(page).status()).toContainText(expected);
      if (query.length > 100) await expect(new SearchPage(page).notes()).toContainText("检索词过长");
      if (query.includes("<script>")) {
        await expect(page.getByRole("searchbox", { name: "检索词" })).toHaveValue(query);
        expect(await page.locator("main script").count()).toBe(0);
      }
    });
  }

  test("malformed filters are ignored with a note", async ({ page }) => {
    const response = await page.goto("/search?q=%E4%B8%B4%E6%BE%9C&paper=nope&from=2026-13-45");
    expect(response?.status()).toBe(200);
    const search = new SearchPage(page);
    await expect(search.notes()).toContainText("没有名为“nope”的报纸");
    await expect(search.notes()).toContainText("不是有效日期");
    await expect(search.results().first()).toBeVisible();
  });
});

test.describe("feeds and machine access", () => {
  test("the feed is well-formed Atom listing the latest issue's articles with absolute links", async ({ page, request }) => {
    const response = await request.get("/linlan/feed.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("xml");
    const xml = await response.text();
    await page.goto("/search");
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const entries = [...doc.getElementsByTagName("entry")];
      return {
        error: doc.getElementsByTagName("parsererror").length > 0,
        root: doc.documentElement.localName,
        count: entries.length,
        firstLink: entries[0]?.getElementsByTagName("link")[0]?.getAttribute("href") ?? "",
      };
    }, xml);
    expect(feed.error).toBe(false);
    expect(feed.root).toBe("feed");
    expect(feed.count).toBeGreaterThan(5);
    // Other specs may have published a later issue into the same database.
    expect(feed.firstLink).toMatch(/^https?:\/\/[^/]+\/linlan\/\d{4}-\d{2}-\d{2}\/article\/\d+$/);
  });

  test("the JSON API serves published issues with caching, and 404s a draft", async ({ request, cli, issueDate, pageFile }) => {
    const issue = await request.get("/api/v1/papers/linlan/issues/2026-11-26");
    expect(issue.status()).toBe(200);
    expect(issue.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=600");
    const body = await issue.json();
    expect(body.issue.date).toBe("2026-11-26");
    expect(body.pages[0].articles.length).toBeGreaterThan(0);
    const again = await request.get("/api/v1/papers/linlan/issues/2026-11-26", { headers: { "if-none-match": issue.headers().etag } });
    expect(again.status()).toBe(304);

    const article = await request.get(body.pages[0].articles[0].api);
    expect(article.status()).toBe(200);
    expect((await article.json()).article.paragraphs.length).toBeGreaterThan(0);

    // A draft issue, imported without --publish: invisible to the API and to search.
    const file = pageFile("草稿专用标题\n本报记者 测试\n本报讯 这篇稿件提到独有词语蓝鲸湾灯塔，尚未发布。\n");
    cli(["import", "--paper", "linlan", "--date", issueDate, `1=${file}`]);
    const draft = await request.get(`/api/v1/papers/linlan/issues/${issueDate}`);
    expect(draft.status()).toBe(404);
    expect((await draft.json()).error.code).toBe("not_found");
    const found = await request.get(`/search?q=${encodeURIComponent("蓝鲸湾灯塔")}`);
    expect(await found.text()).toContain("没有找到");

    expect((await request.get("/api/v1/papers/linlan/issues/2026-13-01")).status()).toBe(400);
    expect((await request.get("/api/v1/papers/nope/issues")).status()).toBe(404);
  });

  test("robots.txt and the sitemap point at published pages only", async ({ request, cli, issueDate, pageFile }) => {
    cli(["import", "--paper", "linlan", "--date", issueDate, `1=${pageFile("草稿标题\n本报讯 一篇不该出现在站点地图里的草稿。\n")}`]);
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain("Disallow: /admin");
    expect(robots).toContain("Disallow: /search?");
    expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain("/linlan/2026-11-26/article/");
    // Only the addresses matter: <lastmod> carries publishing times, which may be any date.
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs.length).toBeGreaterThan(0);
    expect(locs.filter((url) => url.includes(`/linlan/${issueDate}`))).toEqual([]);
  });
});
