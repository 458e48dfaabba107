// Trust at the edges: jump links made by reading order are marked and need confirming before
// publication; the CSP lists hashes instead of 'unsafe-inline' and the pages still work; odd
// methods, cross-site writes, next-auth's own sign-in door and lockouts get clear answers.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_EDITOR, IssueEditor, SigninPage } from "./pages/admin-pages";

const DATE = "2026-10-14";

const PAGE_1 = `青石茶叶出口创新高

本报讯（记者 程雨桐）今年前十个月，青石镇茶叶出口额同比增长三成，创历史新高。

镇里的茶厂订单排到了明年春天。(下转三版)
`;
const PAGE_3 = `(上接一版)镇茶叶协会负责人说，新开的海运航线让茶叶十天就能到港。

明年还将新建两座加工厂。

夜市开张

本报讯 城南夜市昨晚开张，摊位三百个。
`;

function epaper(baseURL: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/epaper.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_PATH: `${process.env.E2E_DATA_DIR}/epaper.db`, EPAPER_SERVER_URL: baseURL },
  });
}

test("a jump linked by reading order is marked, reported by the CLI, and publishing asks for confirmation", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), "banmian-trust-"));
  writeFileSync(join(dir, "p1.txt"), PAGE_1);
  writeFileSync(join(dir, "p3.txt"), PAGE_3);
  const r = epaper(baseURL!, ["import", "--paper", "linlan", "--date", DATE, `1=${join(dir, "p1.txt")}`, `3=${join(dir, "p3.txt")}`]);
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout).jumps.uncertain).toHaveLength(1);
  expect(r.stderr).toMatch(/not confirmed/);

  await new SigninPage(page).signIn(DEMO_EDITOR.email, DEMO_EDITOR.password);
  await expect(page).toHaveURL(/\/admin$/);
  const issue = new IssueEditor(page, "linlan", DATE);
  await issue.open();
  await expect(issue.linkedJumps()).toContainText("待核对");
  await expect(issue.linkedJumps()).toContainText("青石茶叶出口创新高");

  await page.getByRole("link", { name: "预览" }).click();
  await expect(page.getByRole("note", { name: "待核对的转版" })).toContainText("青石茶叶出口创新高");

  await issue.open();
  const publish = page.getByRole("button", { name: "立即发布" });
  await publish.click();
  await expect(page.locator(".admin-publish [role=alert]").first()).toContainText("尚未核对");
  await expect(issue.status()).not.toHaveText("已发布");
  await page.getByLabel(/已核对全部转版/).first().check();
  await publish.click();
  await expect(issue.status()).toHaveText("已发布");
});

test("the CSP allows no inline script but the page's own, and the reader's controls still work", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to execute/i.test(m.text())) violations.push(m.text()); });
  const res = await page.goto("/linlan/2026-11-26");
  const csp = res!.headers()["content-security-policy"];
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
  // A reader page runs on its islands alone: no inline script is sent, so none is allowed.
  expect(scriptSrc).toBe("script-src 'self'");
  // The islands run: the page-turn keys move to the next page.
  await page.waitForFunction(() => document.documentElement.dataset.pageKeys === location.pathname);
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/linlan\/2026-11-26\/2$/);
  // A page on Next's client runtime (the reader's account sign-in) lists its inline scripts' hashes.
  const account = await page.goto("/account/signin");
  const accountSrc = account!.headers()["content-security-policy"].split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
  expect(accountSrc).not.toContain("unsafe-inline");
  expect(accountSrc).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
  expect(violations).toEqual([]);
});

test("TRACE, cross-site server actions and next-auth's credentials door get clear refusals", async ({ request, baseURL }) => {
  for (const path of ["/", "/linlan/2026-11-26", "/admin", "/api/health"]) {
    expect((await request.fetch(path, { method: "TRACE" })).status(), path).toBe(405);
  }
  for (const origin of ["https://evil.example", "null"]) {
    const res = await request.post("/admin", { headers: { origin, "next-action": "0".repeat(40) }, data: "[]" });
    expect(res.status(), origin).toBe(403);
  }
  const door = await request.post("/api/auth/callback/credentials", {
    headers: { origin: baseURL! }, form: { email: DEMO_EDITOR.email, password: DEMO_EDITOR.password },
  });
  expect(door.status()).toBe(404);
  expect(door.headers()["set-cookie"] ?? "").not.toContain("session-token");
});

test("a locked-out sign-in without script shows a page that says so", async ({ request, baseURL }) => {
  const email = `locked-${Date.now()}@linlan.example`;
  let last = null as Awaited<ReturnType<typeof request.post>> | null;
  for (let i = 0; i < 7; i++) {
    last = await request.post("/api/signin", { headers: { origin: baseURL! }, form: { email, password: "wrong-password" }, maxRedirects: 0 });
  }
  expect(last!.status()).toBe(429);
  expect(last!.headers()["content-type"]).toContain("text/html");
  expect(last!.headers().location).toBeUndefined();
  expect(await last!.text()).toContain("尝试次数过多");
});
