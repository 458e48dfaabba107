// A new editor's evening: create an issue, give it pages, a scan and text, correct the parser,
// draw a zone, check the jump, preview, publish; then a reader reads it. The editor and the
// issue date are this attempt's own (e2e/fixtures.ts), so a retry starts clean.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { test, expect } from "./fixtures";
import { AdminHome, IssueEditor, PageTextEditor, SigninPage } from "./pages/admin-pages";
const TITLE = "二十座城市书房开到家门口";

const PAGE_1 = `城市书房开到家门口
本报记者 林晓
本报讯 今年以来，我市在老城区和新城区新建城市书房二十座，每座书房藏书不少于三千册，夜间开放到二十二时。
“下班后来坐一坐，很安心。”家住南门街的市民王女士说，她每周都会带孩子来借书。
市图书馆负责人介绍，城市书房实行通借通还，读者持一张借书证就能在全市任何一座书房借还图书。（下转三版）`;

const PAGE_3 = `城市书房开到家门口
（上接一版）
据介绍，明年我市还将在港城区和新澜区新建十座城市书房，并试点无人值守的自助服务。`;

test("an editor builds, previews and publishes an issue that readers can then follow", async ({ page, browser, editor, issueDate: DATE }) => {
  test.setTimeout(180_000);
  page.on("dialog", (d) => d.accept());
  const dir = mkdtempSync(join(tmpdir(), "banmian-e2e-"));
  const scan = join(dir, "01.png");
  await sharp({ create: { width: 600, height: 850, channels: 3, background: "#f4f1e8" } }).png().toFile(scan);

  // Sign in and create the issue.
  await new SigninPage(page).signIn(editor.email, editor.password);
  await expect(page).toHaveURL(/\/admin$/);
  const home = new AdminHome(page);
  await home.createIssue("临澜日报", DATE, "8124");
  await expect(home.issueLink(DATE)).toBeVisible();
  await home.issueLink(DATE).click();

  // Pages, then the scan of page 1 (its page named by the file name).
  const issue = new IssueEditor(page, "linlan", DATE);
  await issue.addPage("1", "要闻");
  await expect(issue.pageRow("1")).toBeVisible();
  await issue.addPage("三版", "综合");
  await expect(issue.pageRow("3")).toBeVisible();
  await issue.upload([scan]);
  await expect(issue.uploadList()).toContainText("完成：第1版，600×850");
  await expect(issue.pageRow("1").getByRole("img")).toBeVisible();

  // Page 1's text: the parser proposes, the editor corrects the title, saves.
  await issue.pageRow("1").getByRole("link", { name: "文字" }).click();
  const text = new PageTextEditor(page);
  await text.paste(PAGE_1);
  await expect(text.piece(1)).toBeVisible();
  await expect(page.locator(".admin-source")).toContainText("（下转三版）");
  await text.piece(1).getByLabel("主题").fill(TITLE);
  await expect(text.piece(1).getByLabel("下转（版次）")).toHaveValue("3");
  await text.save();
  await expect(text.saveStatus()).toContainText("已保存 1 篇");
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();

  // Page 3: the continuation, linked to page 1 on save.
  await issue.open();
  await issue.pageRow("3").getByRole("link", { name: "文字" }).click();
  await text.paste(PAGE_3);
  await expect(text.piece(1).getByLabel("上接（版次）")).toHaveValue("1");
  await text.save();
  await expect(text.saveStatus()).toContainText("转版已接上 1 处");

  // A zone for the story on page 1.
  await issue.open();
  await issue.pageRow("1").getByRole("link", { name: "热区" }).click();
  await page.getByRole("radio", { name: TITLE }).check();
  const canvas = page.getByTestId("zone-canvas");
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByLabel("宽")).toHaveValue(/^(8[5-9]|9[0-5])/);
  await page.getByRole("button", { name: "保存热区" }).click();
  await expect(page.getByRole("form", { name: "保存热区" })).toContainText("区域已保存");

  // The jump: linked on import; unlink and link it again by hand.
  await issue.open();
  await expect(issue.linkedJumps()).toContainText(TITLE);
  await issue.linkedJumps().getByRole("button", { name: "断开" }).click();
  await expect(issue.openJumps()).toContainText(TITLE);
  await issue.openJumps().getByRole("button", { name: "接上" }).click();
  await expect(issue.linkedJumps()).toContainText(TITLE);

  // Preview as readers will see it: private, never cached.
  await page.getByRole("link", { name: "预览" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/preview/linlan/${DATE}$`));
  await expect(page.getByRole("link", { name: TITLE }).first()).toBeVisible();
  const preview = await page.request.get(`/admin/preview/linlan/${DATE}`);
  expect(preview.headers()["cache-control"]).toMatch(/private|no-store/);
  const before = await browser.newContext();
  expect((await (await before.newPage()).goto(`/linlan/${DATE}`))?.status()).toBe(404);
  await before.close();

  // Publish.
  await issue.open();
  await issue.publishNow();
  await expect(issue.status()).toHaveText("已发布");

  // A reader, not signed in: the page, the zone, the article, the jump.
  const reader = await browser.newContext();
  const r = await reader.newPage();
  await r.goto(`/linlan/${DATE}`);
  const zone = r.locator(".scan__zone", { hasText: "" }).and(r.getByRole("link", { name: TITLE }));
  await expect(zone).toBeVisible();
  // The uploaded scan reaches an anonymous reader (through a width variant of the srcset).
  await expect.poll(() => r.locator(".scan__image").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await r.locator(".scan__image").evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/(img|media)\//);
  await zone.click();
  await expect(r.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await r.goBack();
  await r.getByRole("link", { name: "（下转三版）" }).first().click();
  await expect(r).toHaveURL(new RegExp(`/linlan/${DATE}/3#piece-\\d+$`));
  await expect(r.getByText("明年我市还将在港城区和新澜区新建十座城市书房").first()).toBeVisible();
  await reader.close();
});
