// Subscribers: every route that can carry a story's full text, for every kind of visitor, and a
// reader's whole way from the paywall to 收藏 in a second browser.
// The spec brings its own paper (雾溪晚报) so no other spec's data matters: an archive issue of
// 2020 and an issue dated 2090 (the newest, so free under "archive" whatever today is).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

const PAPER = "wuxi-evening";
const OLD = "2020-03-02";
const NEW = "2090-06-01";
const OPENING = "雾溪港渡轮夜航今晚开始试运行";
// Far past the opening a reader without access sees (120 characters), and on the jump's page.
const SECRET_DEEP = "潮汐灯塔守夜人阿蓓";
const SECRET_JUMP = "珊瑚码头第七泊位";
const SECRET_NEW = "鲸歌灯船";
const SECRETS = [SECRET_DEEP, SECRET_JUMP];

const dbPath = () => `${process.env.E2E_DATA_DIR}/epaper.db`;

function epaper(baseURL: string, args: string[]): string {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/epaper.ts", ...args], {
    encoding: "utf8", env: { ...process.env, DATABASE_PATH: dbPath(), EPAPER_SERVER_URL: baseURL },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const filler = "码头工人、渔民和早起的摊贩都赶来看热闹，许多人拿着手机拍下渡轮亮灯离港的一刻。".repeat(3);
const page1 = (secret: string) => `雾溪港渡轮夜航试运行

本报讯（记者 岑晓帆）${OPENING}，首班夜航船晚上九点从老码头出发。${filler}

航运公司负责人说，夜航由${secret}领航，沿途设置了十二处航标。(下转二版)
`;
const PAGE2 = `渡轮夜航(上接一版)

返航的渡轮停靠在${SECRET_JUMP}，乘客可以换乘夜班公交回家。
`;

let oldArticle = 0;
let newArticle = 0;

test.beforeAll(async ({ baseURL }) => {
  const dir = mkdtempSync(join(tmpdir(), "e2e-subs-"));
  writeFileSync(join(dir, "old1.txt"), page1(SECRET_DEEP));
  writeFileSync(join(dir, "old2.txt"), PAGE2);
  writeFileSync(join(dir, "new1.txt"), page1(SECRET_NEW));
  epaper(baseURL!, ["import", "--paper", PAPER, "--name", "雾溪晚报", "--date", OLD, "--publish", `1=${join(dir, "old1.txt")}`, `2=${join(dir, "old2.txt")}`]);
  epaper(baseURL!, ["import", "--paper", PAPER, "--name", "雾溪晚报", "--date", NEW, "--publish", `1=${join(dir, "new1.txt")}`]);
  const db = new Database(dbPath(), { readonly: true });
  const idOf = (date: string) => (db.prepare(`select a.id from articles a join issues i on i.id = a.issue_id join papers p on p.id = i.paper_id
    where p.slug = ? and i.date = ? order by a.id limit 1`).get(PAPER, date) as { id: number }).id;
  oldArticle = idOf(OLD);
  newArticle = idOf(NEW);
  db.close();
});

async function persona(baseURL: string, kind: "anonymous" | "member" | "subscriber" | "expired"): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  if (kind === "anonymous") return ctx;
  const email = `${kind}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const signup = await ctx.post("/api/reader/signup", { data: { email, password: "a-long-reader-password" } });
  expect(signup.status()).toBe(200);
  if (kind === "subscriber") {
    const code = epaper(baseURL, ["codes", "--paper", PAPER, "--count", "1", "--days", "30"]).trim();
    expect((await ctx.post("/api/reader/redeem", { data: { code } })).status()).toBe(200);
  }
  if (kind === "expired") {
    const db = new Database(dbPath());
    db.prepare(`insert into subscriptions (reader_id, paper_id, plan, starts_at, ends_at, source)
      select r.id, p.id, '年度', '2021-01-01T00:00:00.000Z', '2022-01-01T00:00:00.000Z', 'admin' from readers r, papers p where r.email = ? and p.slug = ?`).run(email, PAPER);
    db.close();
  }
  return ctx;
}

const text = (html: string) => html.replace(/<[^>]*>/g, "");

test("full text reaches only those who may read it, on every route that carries it", async ({ baseURL }) => {
  test.setTimeout(120_000); // four accounts, argon2 and some sixty requests on a shared machine
  epaper(baseURL!, ["access", "--paper", PAPER, "--policy", "archive", "--free-days", "7"]);
  const kinds = ["anonymous", "member", "subscriber", "expired"] as const;
  const pages = new Set<string>();
  let checks = 0;
  for (const kind of kinds) {
    const ctx = await persona(baseURL!, kind);
    const routes = [
      `/${PAPER}/${OLD}/article/${oldArticle}`, `/${PAPER}/${OLD}`, `/${PAPER}/${OLD}/2`, `/${PAPER}/${OLD}/contents`,
      `/api/v1/papers/${PAPER}/issues/${OLD}/articles/${oldArticle}`, `/api/v1/papers/${PAPER}/issues/${OLD}/pages/1`,
      `/api/v1/papers/${PAPER}/issues/${OLD}/pages/2`, `/api/v1/papers/${PAPER}/issues/${OLD}`, `/${PAPER}/feed.xml`,
      `/search?q=${encodeURIComponent("守夜人")}&paper=${PAPER}`, `/search?q=${encodeURIComponent("泊位")}&paper=${PAPER}`,
    ];
    for (const route of routes) {
      const res = await ctx.get(route);
      expect(res.status(), `${kind} ${route}`).toBe(200);
      const body = text(await res.text());
      for (const s of SECRETS) expect(body, `${kind} ${route} leaks ${s}`).not.toContain(s);
      checks++;
    }
    // The article page: the opening and the panel, the same page for everyone; publicly cacheable
    // for the anonymous, and never kept by a shared cache for a signed-in reader (their cookie).
    const page = await ctx.get(`/${PAPER}/${OLD}/article/${oldArticle}`);
    const html = await page.text();
    expect(html).toContain(OPENING);
    expect(html).toContain("订阅后阅读全文");
    expect(page.headers()["cache-control"]).toMatch(kind === "anonymous" ? /^public/ : /^private, no-store$/);
    pages.add(text(html));
    // Headlines stay searchable.
    expect(text(await (await ctx.get(`/search?q=${encodeURIComponent("夜航")}&paper=${PAPER}`)).text())).toContain("雾溪港渡轮夜航试运行");
    // The private full text: only the subscriber, never stored by a cache.
    const full = await ctx.get(`/api/reader/articles/${oldArticle}`);
    expect(full.status(), kind).toBe({ anonymous: 401, member: 403, subscriber: 200, expired: 403 }[kind]);
    expect(full.headers()["cache-control"]).toBe("private, no-store");
    const fullText = await full.text();
    for (const s of SECRETS) expect(fullText.includes(s), `${kind} full text ${s}`).toBe(kind === "subscriber");
    // The newest issue is free to all, on its page and through the reader API.
    expect(await (await ctx.get(`/${PAPER}/${NEW}/article/${newArticle}`)).text()).toContain(SECRET_NEW);
    expect((await ctx.get(`/api/reader/articles/${newArticle}`)).status()).toBe(200);
    checks += 4;
    await ctx.dispose();
  }
  expect(pages.size).toBe(1);
  expect(checks).toBe(kinds.length * 15);

  // "subscribers" with the front page free: the story that starts there reads whole for anyone.
  epaper(baseURL!, ["access", "--paper", PAPER, "--policy", "subscribers", "--free-pages", "1"]);
  const anon = await persona(baseURL!, "anonymous");
  await expect.poll(async () => text(await (await anon.get(`/${PAPER}/${OLD}/article/${oldArticle}`)).text()), { timeout: 5000 }).toContain(SECRET_JUMP);
  // …while a page that is not free keeps its continuation's text to subscribers.
  expect(text(await (await anon.get(`/${PAPER}/${OLD}/2`)).text())).not.toContain(SECRET_JUMP);
  await anon.dispose();
});

test("a reader signs up at the paywall, redeems a code, reads the whole story and finds it under 收藏 elsewhere", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  epaper(baseURL!, ["access", "--paper", PAPER, "--policy", "archive", "--free-days", "7"]);
  const code = epaper(baseURL!, ["codes", "--paper", PAPER, "--count", "1", "--days", "365"]).trim();
  const email = `reader-${Date.now()}@example.com`;
  const password = "tide-and-lantern-2090";

  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto(`/${PAPER}/${OLD}/article/${oldArticle}`);
  const panel = page.getByRole("complementary", { name: "订阅后阅读全文" });
  await expect(panel).toBeVisible();
  await expect(page.locator("[data-article-body]")).not.toContainText(SECRET_DEEP);
  await panel.getByRole("link", { name: "注册账户" }).click();

  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel(/密码/).fill(password);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(new RegExp(`/article/${oldArticle}$`));
  await expect(panel).toContainText("暂未订阅");

  await panel.getByLabel("激活码").fill("00000-00000-00000-00000");
  await panel.getByRole("button", { name: "兑换" }).click();
  await expect(panel.getByRole("status")).toHaveText("激活码无效，请核对后重新输入");
  await panel.getByLabel("激活码").fill(code.toLowerCase());
  await panel.getByRole("button", { name: "兑换" }).click();

  const body = page.locator("[data-article-body]");
  await expect(body).toHaveAttribute("data-access", "full");
  await expect(body).toContainText(SECRET_DEEP);
  // Across its 下转: the continuation from page 2, with the way to that page.
  await expect(body).toContainText(SECRET_JUMP);
  await expect(body.getByRole("link", { name: /以下内容见/ })).toHaveAttribute("href", new RegExp(`/${PAPER}/${OLD}/2#piece-`));
  await expect(panel).toHaveCount(0);

  await page.getByRole("button", { name: "☆ 收藏" }).click();
  await expect(page.getByRole("button", { name: "★ 已收藏" })).toBeVisible();
  await first.close();

  const second = await browser.newContext();
  const other = await second.newPage();
  await other.goto("/account/bookmarks");
  await expect(other).toHaveURL(/\/account\/signin\?next=/);
  await other.getByLabel("邮箱").fill(email);
  await other.getByLabel("密码").fill(password);
  await other.getByRole("button", { name: "登录" }).click();
  await expect(other).toHaveURL(/\/account\/bookmarks$/);
  const link = other.getByRole("list", { name: "收藏的文章" }).getByRole("link", { name: "雾溪港渡轮夜航试运行" });
  await expect(link).toBeVisible();
  await link.click();
  await expect(other.locator("[data-article-body]")).toContainText(SECRET_JUMP);
  // A reader account is no way into the back office.
  await other.goto("/admin");
  await expect(other).toHaveURL(/\/signin\?next=%2Fadmin/);
  await second.close();
});

test("sign-in and code guessing are throttled, and an unknown email answers like a wrong password", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const ctx = await persona(baseURL!, "member");
  const code = epaper(baseURL!, ["codes", "--paper", PAPER, "--count", "1", "--days", "30"]).trim();
  for (let i = 0; i < 10; i++) {
    const guess = await ctx.post("/api/reader/redeem", { data: { code: `${String(i).padStart(5, "0")}-ZZZZZ-ZZZZZ-ZZZZZ` } });
    expect(guess.status()).toBe(400);
    expect((await guess.json()).error).toBe("激活码无效，请核对后重新输入");
  }
  // Locked out: even the right code is refused now, and it stays unused.
  const locked = await ctx.post("/api/reader/redeem", { data: { code } });
  expect(locked.status()).toBe(429);
  expect((await ctx.get(`/api/reader/articles/${oldArticle}`)).status()).toBe(403);

  const anon = await persona(baseURL!, "anonymous");
  const unknown = await anon.post("/api/reader/signin", { data: { email: "nobody-here@example.com", password: "whatever-password" } });
  const email = `victim-${Date.now()}@example.com`;
  expect((await anon.post("/api/reader/signup", { data: { email, password: "the-right-password" } })).status()).toBe(200);
  await anon.post("/api/reader/signout", { data: {} });
  const wrong = await anon.post("/api/reader/signin", { data: { email, password: "a-wrong-password" } });
  expect([unknown.status(), await unknown.json()]).toEqual([wrong.status(), await wrong.json()]);
  for (let i = 0; i < 4; i++) await anon.post("/api/reader/signin", { data: { email, password: `wrong-${i}-password` } });
  expect((await anon.post("/api/reader/signin", { data: { email, password: "the-right-password" } })).status()).toBe(429);
  // A reader session opens nothing in the back office.
  expect((await ctx.get("/api/admin/codes/1")).status()).toBe(401);
  await ctx.dispose();
  await anon.dispose();
});

test("an admin makes a batch of codes, downloads it as CSV, and revokes the subscription one code granted", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const admin = { email: `admin-${Date.now()}@example.com`, password: "an-admin-password-2090" };
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/epaper.ts", "user", "add", "--email", admin.email, "--role", "admin"], {
    input: admin.password, encoding: "utf8", env: { ...process.env, DATABASE_PATH: dbPath() },
  });
  expect(r.status, r.stderr).toBe(0);
  const reader = await persona(baseURL!, "member");

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("邮箱").fill(admin.email);
  await page.getByLabel("密码").fill(admin.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/readers/codes");
  const form = page.getByRole("form", { name: "生成激活码" });
  await form.getByLabel("报纸").selectOption(PAPER);
  await form.getByLabel("数量").fill("3");
  await form.getByRole("button", { name: "生成" }).click();
  await expect(form).toContainText(/已生成第 \d+ 批，共 3 个激活码/);
  const batch = /第 (\d+) 批/.exec((await form.textContent()) ?? "")![1];
  const csv = await page.request.get(`/api/admin/codes/${batch}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(4);
  const code = lines[1].split(",")[0];

  expect((await reader.post("/api/reader/redeem", { data: { code } })).status()).toBe(200);
  expect((await reader.get(`/api/reader/articles/${oldArticle}`)).status()).toBe(200);
  const me = await (await reader.get("/api/reader/me")).json();

  await page.goto(`/admin/readers?q=${encodeURIComponent(me.reader.email)}`);
  const row = page.locator(`tr[data-email="${me.reader.email}"]`);
  await expect(row).toContainText("激活码");
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "撤销" }).click();
  await expect(row).toContainText("已撤销");
  expect((await reader.get(`/api/reader/articles/${oldArticle}`)).status()).toBe(403);
  await page.goto("/admin/audit");
  await expect(page.getByText("subscription.revoke").first()).toBeVisible();
  await context.close();
  await reader.dispose();
});
