// Bad input gets a clear message and loses nothing typed; a text file dressed as an image is
// refused by its bytes; split and merge keep an article whole. Each test works on an issue of its
// own, signed in as an editor of its own (e2e/fixtures.ts).
import { test, expect } from "./fixtures";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IssueEditor, SigninPage } from "./pages/admin-pages";

test.beforeEach(async ({ page, editor }) => {
  page.on("dialog", (d) => d.accept());
  await new SigninPage(page).signIn(editor.email, editor.password);
  await expect(page).toHaveURL(/\/admin$/);
});

test("a bad page label is explained and the typed values stay", async ({ page, publishedIssue }) => {
  const issue = new IssueEditor(page, "linlan", publishedIssue.date);
  await issue.open();
  await issue.addPage("第X版", "专题");
  const form = page.getByRole("form", { name: "添加版面" });
  await expect(form.locator(".admin-status--error")).toContainText("版次应为");
  await expect(form.getByLabel("版次")).toHaveValue("第X版");
  await expect(form.getByLabel("版名")).toHaveValue("专题");
});

test("a text file named like an image is refused by its content", async ({ page, publishedIssue }) => {
  const dir = mkdtempSync(join(tmpdir(), "banmian-e2e-"));
  const fake = join(dir, "01.png");
  writeFileSync(fake, "<html><script>alert(1)</script></html>");
  const issue = new IssueEditor(page, "linlan", publishedIssue.date);
  await issue.open();
  await issue.upload([fake]);
  await expect(issue.uploadList()).toContainText("只接受 JPEG、PNG、WebP 图片或 PDF 文件");
});

test("splitting a piece makes two articles on the page, merging makes one again", async ({ page, publishedIssue }) => {
  await page.goto(`/admin/linlan/${publishedIssue.date}/1`);
  const rows = page.locator(".admin-piece-row");
  const before = await rows.count();
  const first = rows.first();
  await first.getByRole("button", { name: "拆分" }).click();
  await expect(rows).toHaveCount(before + 1);
  await rows.nth(1).getByRole("button", { name: "并入上一篇" }).click();
  await expect(rows).toHaveCount(before);
});
