// The reader on a 375-pixel phone, as an older reader uses it: zoom, listen, large type, offline,
// and no bytes spent on images the page does not show. Production build, real Chromium.
import { expect, test, type Page, type Request } from "@playwright/test";
import { contrast, fakeSpeech, ISSUE, LEAD, PHONE, speechCalls } from "./reader-phone.fixtures";

test.use(PHONE);

/** Image URLs the page fetched, as paths with their query. */
function recordImages(page: Page) {
  const urls: string[] = [];
  page.on("request", (r: Request) => {
    if (r.resourceType() === "image") urls.push(new URL(r.url()).pathname + new URL(r.url()).search);
  });
  return urls;
}

async function shownImages(page: Page) {
  return page.evaluate(() => [...document.images].map((i) => i.currentSrc).filter(Boolean).map((u) => new URL(u).pathname + new URL(u).search));
}

test("no image is downloaded that the page does not show, and thumbnails are thumbnail-sized", async ({ page }) => {
  for (const url of [`${ISSUE}/3`, `${ISSUE}/2`, ISSUE]) {
    const fetched = recordImages(page);
    await page.goto(url);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    const shown = new Set(await shownImages(page));
    for (const f of fetched) expect(shown, `${url} fetched ${f}`).toContain(f);
    // 36-pixel thumbnails at 2×: the 120-pixel variant, never a 480-pixel one.
    expect(fetched.filter((f) => f.includes("w=480")), url).toEqual([]);
    expect(fetched.some((f) => f.includes("w=120")), url).toBe(true);
    if (url !== ISSUE) expect(fetched.filter((f) => /w=(960|1600)/.test(f)), `${url} preloads a scan`).toEqual([]);
    page.removeAllListeners("request");
  }
  // An article downloads no page scan either (the 第1版 links are not prefetched).
  const fetched = recordImages(page);
  await page.goto(ISSUE);
  await page.getByRole("link", { name: LEAD, exact: true }).first().click();
  await expect(page).toHaveURL(/\/article\/\d+$/);
  await page.waitForLoadState("networkidle");
  const afterArticle = fetched.length;
  await page.reload();
  await page.waitForLoadState("networkidle");
  const onArticle = fetched.slice(afterArticle).filter((f) => /w=(960|1600)/.test(f));
  expect(onArticle).toEqual([]);
});

test("reader pages run on their own small scripts, none of Next's client runtime, and a client navigation into one loads it in full", async ({ page }) => {
  for (const url of [ISSUE, `${ISSUE}/2`, "/search?q=地铁", "/signin"]) {
    const scripts: string[] = [];
    page.on("request", (r: Request) => { if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname); });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    expect(scripts.filter((s) => s.startsWith("/_next/")), url).toEqual([]);
    expect(scripts.some((s) => s.startsWith("/islands/reader-")), url).toBe(true);
    // No RSC payload for a runtime that is not there.
    expect(await page.content(), url).not.toContain("__next_f");
    page.removeAllListeners("request");
  }
  // The scripts are kept by the browser, in brotli or not.
  const entry = await page.locator("script[data-islands]").getAttribute("src");
  for (const encoding of ["br", "gzip", "identity"]) {
    const res = await page.request.get(entry!, { headers: { "accept-encoding": encoding } });
    expect(res.headers()["cache-control"], encoding).toBe("public, max-age=31536000, immutable");
  }
  // The account pages do run Next's router: its link to the front page must arrive with islands working.
  await page.goto("/account/signin");
  const home = page.locator("a.account__home");
  // Hydrated: React has taken the link over, so a click is the router's, not the browser's.
  await page.waitForFunction(() => Object.keys(document.querySelector("a.account__home") ?? {}).some((k) => k.startsWith("__reactFiber")));
  const rsc = page.waitForResponse((r) => new URL(r.url()).pathname === "/" && r.request().headers().rsc === "1");
  await home.click();
  expect((await rsc).headers()["content-type"]).toContain("text/plain");
  await page.waitForFunction(() => document.documentElement.dataset.pageKeys === location.pathname);
  await page.getByRole("switch", { name: "关怀模式" }).click();
  await expect(page.getByRole("switch", { name: "关怀模式" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("switch", { name: "关怀模式" }).click();
});

test("coming back by 上接 outlines the story on the scan and leaves it visible", async ({ page }) => {
  await page.goto(`${ISSUE}/3`);
  await page.getByRole("link", { name: "（上接一版）" }).first().click();
  await expect(page).toHaveURL(new RegExp(`${ISSUE}#piece-\\d+$`));
  const id = new URL(page.url()).hash.slice(1);
  const zone = page.locator(`[id="${id}"]`);
  expect(await zone.evaluate((el) => el.matches(":target"))).toBe(true);
  const { fill, stroke } = await zone.evaluate((el) => ({
    fill: getComputedStyle(el.querySelector(".scan__zone-fill")!).fill,
    stroke: getComputedStyle(el.querySelector(".scan__zone-edge")!).stroke,
  }));
  // Transparent (or nearly so) over the story, with a visible outline.
  const alpha = fill === "transparent" || fill === "none" ? 0 : Number((fill.match(/rgba?\(([^)]+)\)/)?.[1].split(",")[3] ?? "1"));
  expect(alpha).toBeLessThanOrEqual(0.15);
  expect(stroke).not.toMatch(/transparent|rgba\(0, 0, 0, 0\)/);
});

test("zones show a faint outline on a touch screen", async ({ page }) => {
  await page.goto(ISSUE);
  const stroke = await page.locator(".scan__zone-edge").first().evaluate((el) => getComputedStyle(el).stroke);
  expect(stroke).not.toMatch(/transparent|rgba\(0, 0, 0, 0\)/);
});

test("the page scan zooms by double tap and pinch, loads detail only then, and zones stay tappable", async ({ page }) => {
  const fetched = recordImages(page);
  await page.goto(ISSUE);
  const scan = page.locator(".scan");
  await expect(page.locator(".scan__image")).toHaveJSProperty("complete", true);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.pageKeys)).toBeTruthy();
  // 343 CSS pixels at 2×: the 960-pixel width, and nothing larger up front.
  expect(fetched.filter((f) => f.includes("w=1600"))).toEqual([]);
  expect(fetched.some((f) => f.includes("w=960"))).toBe(true);

  await scan.scrollIntoViewIfNeeded();
  const box = (await scan.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  // Taps straight through the DevTools protocol: two of them land well inside a double tap's time.
  const tap = async (x: number, y: number) => {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y, id: 1 }] });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  };
  const [cx, cy] = [box.x + box.width * 0.5, box.y + box.height * 0.6];
  await tap(cx, cy);
  await tap(cx, cy);
  await expect(scan).toHaveAttribute("data-zoomed", "");
  expect(Number(await scan.getAttribute("data-scale"))).toBeGreaterThan(2);
  await expect.poll(() => fetched.some((f) => f.includes("w=1600"))).toBe(true);
  await expect.poll(() => page.locator(".scan__image").evaluate((i: HTMLImageElement) => i.currentSrc)).toContain("w=1600");

  // Back to the whole page, then a pinch (two fingers moving apart).
  const zoomOut = page.getByRole("button", { name: "缩小版面" });
  while (await zoomOut.isEnabled()) await zoomOut.click();
  await expect(scan).not.toHaveAttribute("data-zoomed", "");
  const [px, py] = [box.x + box.width / 2, box.y + box.height * 0.3];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: px - 20, y: py, id: 1 }, { x: px + 20, y: py, id: 2 }] });
  for (let i = 1; i <= 6; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: px - 20 - i * 12, y: py, id: 1 }, { x: px + 20 + i * 12, y: py, id: 2 }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await expect.poll(async () => Number(await scan.getAttribute("data-scale"))).toBeGreaterThan(1.5);
  // One finger pans the zoomed page (and does not turn it).
  const stage = page.locator(".scan__stage");
  const before = await stage.evaluate((e) => getComputedStyle(e).transform);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: px, y: py, id: 1 }] });
  for (let i = 1; i <= 5; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: px + i * 10, y: py + i * 10, id: 1 }] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await expect.poll(() => stage.evaluate((e) => getComputedStyle(e).transform)).not.toBe(before);
  await expect(page).toHaveURL(new RegExp(`${ISSUE}$`));
  // Chromium swallows a tap that lands while the drag's fling is still settling, as on a phone.
  await page.waitForTimeout(800);

  // A single tap on a zone, zoomed in, opens that zone's story.
  const href = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest("a.scan__zone")?.getAttribute("href") ?? null, [px, py]);
  expect(href).toMatch(/\/article\/\d+$/);
  await tap(px, py);
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test("听本文 reads the article sentence by sentence in Mandarin, highlighted, with pause, resume and speed", async ({ page }) => {
  await fakeSpeech(page);
  await page.goto(ISSUE);
  await page.getByRole("link", { name: LEAD, exact: true }).first().click();
  await expect(page).toHaveURL(/\/article\/\d+$/);
  await page.getByRole("button", { name: /听本文/ }).click();
  await expect.poll(async () => (await speechCalls(page)).filter((c) => c.op === "speak").length).toBeGreaterThan(2);
  const speaks = (await speechCalls(page)).filter((c) => c.op === "speak");
  expect(speaks[0]).toMatchObject({ text: LEAD, lang: "zh-CN", voice: "Fake zh-CN" });
  // One sentence per utterance: none runs on past a full stop.
  for (const s of speaks) expect(s.text!.replace(/[。！？；…]+[”’」』）)》]*$/, "")).not.toMatch(/[。！？]/);
  expect(await page.evaluate(() => CSS.highlights.has("listen"))).toBe(true);
  await expect(page.locator("[data-speaking]")).toHaveCount(1);

  await page.getByRole("button", { name: "暂停收听" }).click();
  const paused = (await speechCalls(page)).filter((c) => c.op === "speak");
  await page.waitForTimeout(400);
  expect((await speechCalls(page)).filter((c) => c.op === "speak")).toHaveLength(paused.length);
  await page.getByLabel("语速").selectOption("1.5");
  await page.getByRole("button", { name: "继续收听" }).click();
  await expect.poll(async () => (await speechCalls(page)).filter((c) => c.op === "speak").length).toBeGreaterThan(paused.length + 1);
  const resumed = (await speechCalls(page)).filter((c) => c.op === "speak").slice(paused.length);
  // It picks up at the sentence it stopped on, at the new speed.
  expect(resumed[0].text).toBe(paused[paused.length - 1].text);
  expect(resumed[0].rate).toBe(1.5);
  await page.getByRole("button", { name: "停止收听" }).click();
  await expect(page.locator("[data-speaking]")).toHaveCount(0);
});

test("听本版 reads the page's stories in order", async ({ page }) => {
  await fakeSpeech(page, ["zh-CN"], 20);
  await page.goto(`${ISSUE}/2`);
  const titles = (await page.locator(".story__title").allTextContents()).map((t) => t.trim());
  await page.getByRole("button", { name: /听本版/ }).click();
  const said = async () => (await speechCalls(page)).filter((c) => c.op === "speak").map((c) => c.text!);
  const at = (list: string[], title: string) => list.findIndex((s) => s === title || title.startsWith(s) || s.startsWith(title));
  // The second story's title is read once the first story is done, and after it.
  await expect.poll(async () => at(await said(), titles[1]), { timeout: 20_000 }).toBeGreaterThan(0);
  const list = await said();
  expect(at(list, titles[0])).toBe(0);
  expect(at(list, titles[1])).toBeGreaterThan(list.length > 2 ? 1 : 0);
});

test("without a Chinese voice the reader is told so", async ({ page }) => {
  await fakeSpeech(page, ["en-US"]);
  await page.goto(`${ISSUE}/2`);
  await page.getByRole("button", { name: /听本版/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "没有中文语音" })).toBeVisible();
  expect((await speechCalls(page)).filter((c) => c.op === "speak")).toEqual([]);
});

test("关怀模式 sets large type, roomy lines, big targets, strong contrast and no motion, everywhere, and is remembered", async ({ page }) => {
  await page.goto(`${ISSUE}/2`);
  await page.getByRole("switch", { name: "关怀模式" }).click();
  await expect(page.locator("html")).toHaveClass(/\bcare\b/);
  const check = async (selector: string, where: string) => {
    const el = page.locator(selector).first();
    const s = await el.evaluate((e) => {
      const cs = getComputedStyle(e);
      let bg = "rgba(0, 0, 0, 0)";
      for (let n: Element | null = e; n; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (!/rgba\(0, 0, 0, 0\)|transparent/.test(c)) { bg = c; break; }
      }
      return { size: parseFloat(cs.fontSize), line: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize), color: cs.color, bg };
    });
    expect(s.size, `${where} ${selector}`).toBeGreaterThanOrEqual(22);
    expect(s.line, `${where} ${selector}`).toBeGreaterThanOrEqual(1.79); // 1.8, less float rounding
    expect(contrast(s.color, s.bg), `${where} ${selector}`).toBeGreaterThanOrEqual(7);
  };
  const targets = async (where: string) => {
    const small = await page.locator("main button, main a.pager__link, .prefs button, .calendar__grid a, .page-nav__link, .signin-form input, .search-form button")
      .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).map((e) => ({ t: e.textContent?.trim(), h: e.getBoundingClientRect().height }))
        .filter((x) => x.h < 48));
    expect(small, where).toEqual([]);
  };
  await check(".story__body p", "inside page");
  await targets("inside page");
  const motion = await page.locator(".story").first().evaluate((e) => getComputedStyle(e).transitionDuration);
  expect(motion).toMatch(/^0s/);

  // Remembered on the device, and applied before paint on every reader screen.
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bcare\b/);
  await page.goto(ISSUE);
  await page.getByRole("link", { name: LEAD, exact: true }).first().click();
  await expect(page).toHaveURL(/\/article\/\d+$/);
  await check(".article__body p", "article");
  await targets("article");
  await page.goto("/search?q=地铁");
  await check(".search-result__snippet", "search");
  await targets("search");
  await page.goto("/linlan/archive/2026-11");
  await expect(page.getByRole("switch", { name: "关怀模式" })).toHaveAttribute("aria-checked", "true");
  await targets("calendar");
  await page.goto("/signin");
  await expect(page.locator("html")).toHaveClass(/\bcare\b/);
  await expect(page.getByRole("switch", { name: "关怀模式" })).toHaveAttribute("aria-checked", "true");
  await targets("sign-in");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("night mode is a switch beside it, and 繁體 converts the reading text and back", async ({ page }) => {
  await page.goto(ISSUE);
  await page.getByRole("link", { name: LEAD, exact: true }).first().click();
  await expect(page).toHaveURL(/\/article\/\d+$/);
  const night = page.getByRole("switch", { name: "夜间模式" });
  await night.click();
  await expect(page.locator("html")).toHaveClass(/\bnight\b/);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(contrast(bg, "rgb(0, 0, 0)")).toBeLessThan(1.5);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bnight\b/);

  const title = page.locator("#article-title");
  await expect(title).toHaveText(LEAD);
  await page.getByRole("switch", { name: "繁體" }).click();
  await expect(title).toHaveText("臨瀾地鐵1號線一期開通運營");
  await page.getByRole("switch", { name: "繁體" }).click();
  await expect(title).toHaveText(LEAD);
});

test("保存本期 keeps the issue for reading with the network off, lists it with its size, and removes it", async ({ page, context }) => {
  await page.goto(ISSUE);
  await page.getByRole("button", { name: /保存本期/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存本期" })).toBeVisible({ timeout: 60_000 });
  const saved = page.getByRole("list", { name: "已保存的报纸" });
  await expect(saved.getByRole("listitem")).toHaveCount(1);
  await expect(saved).toContainText(/\d+(\.\d)? (KB|MB)/);
  const keys = await page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
    return out;
  });
  expect(keys.filter((k) => /^\/(admin|search|signin|api\/auth)/.test(k))).toEqual([]);
  const articleHref = await page.getByRole("link", { name: LEAD, exact: true }).first().getAttribute("href");

  await context.setOffline(true);
  await page.goto(`${ISSUE}/3`);
  await expect(page.locator(".page-header__title")).toContainText("第3版");
  await page.goto(articleHref!);
  await expect(page.locator("#article-title")).toHaveText(LEAD);
  await page.goto(ISSUE);
  await expect.poll(() => page.locator(".scan__image").evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  // Search is never kept: offline, it says so.
  await page.goto("/search?q=地铁");
  await expect(page.getByRole("heading", { name: "现在没有网络" })).toBeVisible();
  await context.setOffline(false);

  await page.goto(ISSUE);
  await page.getByRole("button", { name: /删除离线保存/ }).click();
  await expect(page.getByRole("list", { name: "已保存的报纸" })).toHaveCount(0);
  expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("banmian-issue:")))).toEqual([]);
});

test("a search hit opens its page with the words marked", async ({ page }) => {
  await page.goto(`${ISSUE}/2`);
  const word = (await page.locator(".story__title").first().textContent())!.trim().slice(0, 2);
  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  const onPage = page.getByRole("link", { name: /在版面上查看/ }).first();
  await expect(onPage).toHaveAttribute("href", /#hl=/);
  await page.goto(`${ISSUE}/2#hl=${encodeURIComponent(word)}`);
  await expect(page.locator(".typeset mark.search-hit").first()).toHaveText(word);
});

test("an article: focus on its title, every page in its source line, a share card cut from the scan, and a copy-link control", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(ISSUE);
  await page.getByRole("link", { name: LEAD, exact: true }).first().click();
  await expect(page).toHaveURL(/\/article\/\d+$/);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("article-title");
  await expect(page.locator(".article__source")).toContainText("第01版、第03版");
  const og = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(og).toMatch(/^https?:\/\/.+\/share\.jpg$/);
  const img = await request.get(new URL(og!).pathname);
  expect(img.status()).toBe(200);
  expect(img.headers()["content-type"]).toBe("image/jpeg");
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical).toMatch(/^https?:\/\//);
  await page.getByRole("button", { name: "复制链接" }).click();
  await expect(page.getByText("链接已复制")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
  // A−/A+ are named by what they show.
  await expect(page.getByRole("button", { name: /^A−/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^A\+/ })).toBeVisible();
});

test("/ shows the latest issue without a redirect; favicon and canonical URLs are there", async ({ page, request }) => {
  const home = await request.get("/", { maxRedirects: 0 });
  expect(home.status()).toBe(200);
  expect(await home.text()).toContain("masthead");
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect((await request.get("/manifest.webmanifest")).status()).toBe(200);
  await page.goto(`${ISSUE}/3`);
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(/^https?:\/\/[^/]+\/linlan\/2026-11-26\/3$/);
  // The font-size control is on pages too, and resizes the typeset text.
  const p = page.locator(".story__body p").first();
  const before = await p.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(before).toBeGreaterThanOrEqual(17);
  await page.getByRole("button", { name: /^A\+/ }).click();
  expect(await p.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThan(before);
  for (const sel of [".story__byline", ".story__kicker"]) {
    const sizes = await page.locator(sel).evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    for (const s of sizes) expect(s, sel).toBeGreaterThanOrEqual(17);
  }
});

test("sign-in at 360 pixels: the fields fit their card", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/signin");
  const card = (await page.locator(".signin").boundingBox())!;
  for (const input of await page.locator(".signin-form input").all()) {
    const b = (await input.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(card.x + card.width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("the back office on a phone: no sideways scrolling, each tab its own title", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("邮箱").fill("editor@linlan.example");
  await page.getByLabel("密码").fill("linlan-demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const titles = new Set<string>();
  for (const url of ["/admin", "/admin/linlan/2026-11-26", "/admin/linlan/2026-11-26/1", "/admin/linlan/2026-11-26/1/zones"]) {
    await page.goto(url);
    titles.add(await page.title());
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), url).toBeLessThanOrEqual(0);
    const bar = (await page.locator(".admin-bar").boundingBox())!;
    expect(bar.height, url).toBeLessThan(200);
  }
  expect(titles.size).toBe(4);
});
