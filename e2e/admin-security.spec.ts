// The back office's defences, each tried the way an attacker or a careless visitor would.
// Every account and every issue a test changes is its own (e2e/fixtures.ts): no test disables,
// renames or locks out what another test signs in with, and a retry starts clean. The tests that
// drive two browsers at once get three times the usual budget, for a loaded machine.
import { randomBytes } from "node:crypto";
import { test, expect, type Account } from "./fixtures";
import type { Page } from "@playwright/test";
import { SigninPage } from "./pages/admin-pages";

const XSS = "<img src=x onerror=alert(1)>";

async function signIn(page: Page, who: Account) {
  await new SigninPage(page).signIn(who.email, who.password);
  await expect(page).toHaveURL(/\/admin$/);
}

const ADMIN_ROUTES = [
  "/admin", "/admin/users", "/admin/audit", "/admin/password", "/admin/linlan/2026-11-26",
  "/admin/linlan/2026-11-26/1", "/admin/linlan/2026-11-26/1/zones", "/admin/linlan/2026-11-26/article/1",
  "/admin/preview/linlan/2026-11-26", "/admin/preview/linlan/2026-11-26/article/1",
];

test("anonymous visitors are sent to sign-in from every admin page, even with a forged cookie", async ({ browser, request }) => {
  for (const path of ADMIN_ROUTES) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBeGreaterThanOrEqual(300);
    expect(res.status(), path).toBeLessThan(400);
    expect(res.headers().location, path).toMatch(/^\/signin|\/signin\?/);
  }
  // Past the proxy with a made-up cookie: the pages' own guards still refuse.
  const forged = await browser.newContext();
  await forged.addCookies([{ name: "authjs.session-token", value: "forged", url: test.info().project.use.baseURL! }]);
  const page = await forged.newPage();
  for (const path of ["/admin", "/admin/users", "/admin/preview/linlan/2026-11-26"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/signin/);
  }
  await forged.close();
  const upload = await request.post("/api/admin/upload?paper=linlan&date=2026-11-26&label=1", {
    headers: { origin: test.info().project.use.baseURL! }, data: Buffer.from("x"),
  });
  expect(upload.status()).toBe(401);
  expect((await request.get("/media/0123456789abcdef0123456789abcdef.webp")).status()).toBe(404);
  expect((await request.get("/media/..%2F..%2Fepaper.db")).status()).toBe(404);
});

test("a cross-site POST to a route handler is refused", async ({ page, editor }) => {
  await signIn(page, editor);
  const res = await page.request.post("/api/admin/upload?paper=linlan&date=2026-11-26&label=1", {
    headers: { origin: "https://evil.example" }, data: Buffer.from("x"),
  });
  expect(res.status()).toBe(403);
  const signin = await page.request.post("/api/signin", { headers: { origin: "https://evil.example" }, data: { email: "a@b.c", password: "x" } });
  expect(signin.status()).toBe(403);
});

test("an editor cannot reach admin-only pages; an admin can", async ({ page, browser, editor, admin: ADMIN }) => {
  test.slow();
  await signIn(page, editor);
  await expect(page.getByRole("heading", { name: "新建报纸" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "用户" })).toHaveCount(0);
  for (const path of ["/admin/users", "/admin/audit"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await expect(admin.getByRole("heading", { name: "新建报纸" })).toBeVisible();
  await admin.goto("/admin/audit");
  await expect(admin.getByRole("heading", { name: "操作记录" })).toBeVisible();
  await admin.context().close();
});

test("a title typed as HTML is shown as text to editors and readers, and runs nothing", async ({ page, browser, editor, publishedIssue }) => {
  test.slow();
  const dialogs: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await signIn(page, editor);
  // An issue of this test's own, so no other test's stories change their titles.
  const adminPage = `/admin/linlan/${publishedIssue.date}/1`;
  await page.goto(adminPage);
  await page.locator(".admin-pieces a").first().click();
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  const articleUrl = page.url();
  await page.getByLabel("主题", { exact: true }).fill(XSS);
  await page.getByRole("button", { name: "保存文章" }).click();
  await expect(page.getByRole("form", { name: "编辑文章" })).toContainText("文章已保存");
  await page.goto(adminPage);
  await expect(page.getByRole("link", { name: XSS })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  const reader = await (await browser.newContext()).newPage();
  reader.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const id = articleUrl.split("/").pop();
  await reader.goto(`${publishedIssue.path}/article/${id}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(XSS);
  expect(await reader.locator('img[src="x"]').count()).toBe(0);
  await reader.context().close();
  expect(dialogs).toEqual([]);
});

test("changing the password signs out the user's other browsers; signing out ends the session", async ({ browser, ownEditor: REVOKE }) => {
  test.slow();
  const one = await (await browser.newContext()).newPage();
  const two = await (await browser.newContext()).newPage();
  await signIn(one, REVOKE);
  await signIn(two, REVOKE);
  await one.goto("/admin/password");
  await one.getByLabel("当前密码").fill(REVOKE.password);
  await one.getByLabel("新密码（至少 10 个字符）").fill("a-new-password-2026");
  await one.getByLabel("再输入一次新密码").fill("a-new-password-2026");
  await one.getByRole("button", { name: "修改密码" }).click();
  await expect(one.getByRole("form", { name: "修改密码" })).toContainText("密码已更改");
  await two.goto("/admin");
  await expect(two).toHaveURL(/\/signin/);
  await one.goto("/admin");
  await expect(one).toHaveURL(/\/admin$/);
  await one.getByRole("button", { name: "退出登录" }).click();
  await expect(one).toHaveURL(/\/signin/);
  await one.goto("/admin/password");
  await expect(one).toHaveURL(/\/signin/);
});

test("an admin disabling a user ends that user's session at once", async ({ browser, ownEditor: who, admin: ADMIN }) => {
  test.slow();
  const editor = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await signIn(editor, who);
  await signIn(admin, ADMIN);
  admin.on("dialog", (d) => d.accept());
  await admin.goto("/admin/users");
  const row = admin.locator(`tr[data-email="${who.email}"]`);
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row).toContainText("已停用");
  await editor.goto("/admin");
  await expect(editor).toHaveURL(/\/signin/);
  await row.getByRole("button", { name: "启用" }).click();
  await expect(row).toContainText("正常");
});

test("every response carries the content security policy and framing and sniffing protections", async ({ request }) => {
  for (const path of ["/signin", "/linlan/2026-11-26", "/api/health"]) {
    const h = (await request.get(path)).headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).toContain("object-src 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
});

test("a refused sign-in comes back to the form with the reason, focus in the email field and the page asked for", async ({ page }) => {
  // An address of this test's own (the e2e server trusts one proxy hop), so its failure costs no other test.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${[...randomBytes(3)].join(".")}` });
  await page.goto("/signin?next=/admin/linlan");
  await page.getByLabel("邮箱").fill("nobody@e2e.example");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/signin\?error=invalid&next=%2Fadmin%2Flinlan$/);
  await expect(page.locator(".signin-error")).toHaveText("邮箱或密码不正确");
  await expect(page.getByLabel("邮箱")).toBeFocused();
  await expect(page.getByLabel("邮箱")).toHaveAccessibleDescription("邮箱或密码不正确");
});

test("sign-in answers alike for an unknown email and a wrong password, then 429 after repeated failures", async ({ request, ownEditor: editor }) => {
  const origin = test.info().project.use.baseURL!;
  // An address of this attempt's own (the e2e server trusts one proxy hop): the failures spent
  // here leave the budget of every other test's sign-ins alone.
  const address = `10.${[...randomBytes(3)].join(".")}`;
  const post = (email: string, password: string) => request.post("/api/signin", {
    headers: { origin, accept: "application/json", "x-forwarded-for": address }, data: { email, password },
  });
  const wrong = await post(editor.email, "not-the-password");
  const unknown = await post(`nobody-${randomBytes(4).toString("hex")}@e2e.example`, "not-the-password");
  expect(wrong.status()).toBe(401);
  expect(unknown.status()).toBe(401);
  expect(await wrong.json()).toEqual(await unknown.json());
  // Five failures are free, the sixth attempt waits; an account name of this attempt's own.
  const lockout = `lockout-${randomBytes(4).toString("hex")}@e2e.example`;
  for (let i = 0; i < 5; i++) expect((await post(lockout, `guess-${i}`)).status()).toBe(401);
  const locked = await post(lockout, "guess-last");
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
});
