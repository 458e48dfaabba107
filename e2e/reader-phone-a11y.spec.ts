// axe on the reader's screens at 375 pixels, in normal, 关怀模式 and night modes: 0 violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ISSUE, PHONE, presetPrefs } from "./reader-phone.fixtures";

test.use(PHONE);

const MODES: Record<string, Record<string, string>> = {
  normal: {},
  care: { "banmian:care": "1" },
  night: { "banmian:theme": "night" },
};

for (const [mode, prefs] of Object.entries(MODES)) {
  test(`axe finds no violations in ${mode} mode`, async ({ page }) => {
    test.setTimeout(90_000);
    await presetPrefs(page, prefs);
    await page.goto(ISSUE);
    const article = await page.locator("a[href*='/article/']").first().getAttribute("href");
    for (const url of [ISSUE, `${ISSUE}/2`, `${ISSUE}/3`, article!, "/search?q=地铁", "/linlan/archive/2026-11", "/signin"]) {
      await page.goto(url);
      if (mode !== "normal") await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${mode}\\b`));
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`), `${mode} ${url}`).toEqual([]);
    }
  });
}
