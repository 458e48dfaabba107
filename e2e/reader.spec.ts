// The reader, as a reader walks it: the demo paper 临澜日报 served from a fresh database.
import { expect, test, type Page } from "@playwright/test";

const ISSUE = "/linlan/2026-11-26";
const LEAD = "临澜地铁1号线一期开通运营";

/** Resolves after the element a URL fragment names is the page's :target. */
async function expectTargetArrived(page: Page) {
  const id = new URL(page.url()).hash.slice(1);
  expect(id).toMatch(/^piece-\d+$/);
  const target = page.locator(`[id="${id}"]`);
  await expect(target).toBeVisible();
  expect(await target.evaluate((el) => el.matches(":target"))).toBe(true);
}

test("the home page opens the latest front page, with its masthead and page list", async ({ page }) => {
  await page.goto("/");
  // Shown at / itself (no redirect), naming the issue's own address as canonical. Other specs
  // may publish later issues into the same database: any date is today's here.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/linlan\/\d{4}-\d{2}-\d{2}$/);
  await expect(page.locator("header").first()).toContainText("临澜日报");
  await page.goto(ISSUE);
  const header = page.locator("header").first();
  await expect(header).toContainText("临澜日报");
  await expect(header).toContainText("星期四");
  await expect(header).toContainText("第8123期");
  await expect(page.getByRole("navigation", { name: "版面导航" }).getByRole("link")).toHaveCount(5);
  await expect(page.getByRole("heading", { name: "本版标题" })).toBeVisible();
});

test("a zone on the page scan opens its article, stitched whole across pages", async ({ page }) => {
  await page.goto(ISSUE);
  await page.locator(".scan__zone").and(page.getByRole("link", { name: LEAD, exact: true })).click();
  await expect(page).toHaveURL(/\/article\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LEAD);
  const trail = page.getByRole("navigation", { name: "本文所在版面" });
  await expect(trail.getByRole("link")).toHaveText(["第1版", "第3版"]);
  // Both parts are on the page, in order, with the marker where the page-3 part begins.
  const parts = page.locator(".article__part");
  await expect(parts).toHaveCount(2);
  await expect(parts.nth(1)).toContainText("以下内容见第3版");
  // The continuation's own text is read here, not only on page 3.
  await page.getByRole("link", { name: "第3版" }).first().click();
  await expectTargetArrived(page);
});

test("下转 leads to the continuation and 上接 leads back", async ({ page }) => {
  await page.goto(ISSUE);
  const jumpTo = page.getByRole("link", { name: "（下转三版）" }).first();
  await jumpTo.click();
  await expect(page).toHaveURL(new RegExp(`${ISSUE}/3#piece-\\d+$`));
  await expectTargetArrived(page);
  const arrivedAt = new URL(page.url()).hash;
  const back = page.locator(arrivedAt).getByRole("link", { name: "（上接一版）" });
  await back.click();
  await expect(page).toHaveURL(new RegExp(`${ISSUE}#piece-\\d+$`));
  await expectTargetArrived(page);
});

test("every page of every issue is reached by links, and every jump lands on its other end", async ({ page }) => {
  // About fifty page loads: three times the usual budget, for a loaded machine.
  test.slow();
  for (const date of ["2026-11-24", "2026-11-25", "2026-11-26"]) {
    await page.goto(`/linlan/${date}`);
    const pageLinks = await page.getByRole("navigation", { name: "版面导航" }).getByRole("link")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(pageLinks.length).toBeGreaterThanOrEqual(4);
    let jumps = 0;
    for (const href of pageLinks) {
      const res = await page.goto(href);
      expect(res?.status(), href).toBe(200);
      const targets = await page.locator("a.jump").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const target of targets) {
        jumps++;
        const landed = await page.context().newPage();
        expect((await landed.goto(target))?.status(), target).toBe(200);
        await expect(landed.locator(`[id="${new URL(target).hash.slice(1)}"]`), target).toHaveCount(1);
        await landed.close();
      }
    }
    // Three stories jump in each demo issue: six links, each end pointing at the other.
    expect(jumps, date).toBeGreaterThanOrEqual(6);
  }
});

test("← and → turn the pages", async ({ page }) => {
  // Keys work once the page's islands are live on the page in view.
  const press = async (key: string) => {
    await page.waitForFunction(() => document.documentElement.dataset.pageKeys === location.pathname);
    await page.keyboard.press(key);
  };
  await page.goto(ISSUE);
  await press("ArrowRight");
  await expect(page).toHaveURL(new RegExp(`${ISSUE}/2$`));
  await press("ArrowRight");
  await expect(page).toHaveURL(new RegExp(`${ISSUE}/3$`));
  await press("ArrowLeft");
  await expect(page).toHaveURL(new RegExp(`${ISSUE}/2$`));
});

test("the previous issue and the calendar are one click away", async ({ page }) => {
  await page.goto(ISSUE);
  await page.getByRole("link", { name: /上一期/ }).first().click();
  await expect(page).toHaveURL(/\/linlan\/2026-11-25$/);
  await page.goto("/linlan/archive/2026-11");
  await expect(page.getByRole("link", { name: /24/ }).first()).toBeVisible();
});

test.describe("on a 375-pixel phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("pages fit the screen and articles read in large type", async ({ page }) => {
    for (const url of [ISSUE, `${ISSUE}/3`]) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await page.goto(`${ISSUE}/3`);
    await page.locator(".story a, a[href*='/article/']").first().click();
    await expect(page).toHaveURL(/\/article\/\d+$/);
    const size = await page.locator(".article__body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(size).toBeGreaterThanOrEqual(17);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The font-size control makes the text larger and keeps it across pages.
    await page.getByRole("button", { name: /A\+|放大|增大/ }).click();
    const larger = await page.locator(".article__body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(larger).toBeGreaterThan(size);
  });
});

test("bad addresses answer 404, never 500", async ({ request }) => {
  for (const url of [
    "/nope/2026-11-26", "/linlan/2024-13-45", "/linlan/2026-02-30", "/linlan/2030-01-01", "/linlan/2026-11-26/99",
    "/linlan/2026-11-26/article/abc", "/linlan/2026-11-26/article/999999", "/linlan/2026-11-26/article/-1",
    "/linlan/not-a-date", "/linlan/2026-11-26/3/extra",
  ]) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(404);
  }
});

test("an article id from another issue is not found under this one", async ({ page, request }) => {
  await page.goto("/linlan/2026-11-24");
  const href = await page.locator("a[href*='/article/']").first().getAttribute("href");
  const id = href!.split("/").pop();
  expect((await request.get(`/linlan/2026-11-26/article/${id}`)).status()).toBe(404);
});
