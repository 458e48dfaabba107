// The night desk's PDFs become a laid-out issue: a two-page PDF dropped into the back office is
// read into articles with zones and jumps, published, and read: the reader opens the jumped
// story from its zone, follows 下转 to the continuation and downloads the whole issue as a PDF.
import { test, expect } from "./fixtures";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AdminHome, IssueEditor, SigninPage } from "./pages/admin-pages";

const LEAD = "澜河北岸十四座口袋公园年底建成";
const CONTINUATION_TEXT = "七十二岁的退休教师冯家树";

// The issue date and the editor are this attempt's own (e2e/fixtures.ts), so a retry starts clean.
test("a dropped PDF issue is read, published and followed across its jump by a reader", async ({ page, browser, editor, issueDate: DATE }) => {
  test.setTimeout(180_000);
  // The fixture: the demo's two page PDFs (printed by scripts/make-demo-pdfs.ts) as one file,
  // named without a page number, so the pages are labelled from their furniture (第01版, 第02版).
  const dir = mkdtempSync(join(tmpdir(), "banmian-pdf-e2e-"));
  const issuePdf = join(dir, "tonight.pdf");
  execFileSync("pdfunite", ["public/demo/linlan-2026-11-23-1.pdf", "public/demo/linlan-2026-11-23-2.pdf", issuePdf]);
  const notPdf = join(dir, "03.pdf");
  execFileSync("sh", ["-c", `printf 'not a pdf' > ${notPdf}`]);

  await new SigninPage(page).signIn(editor.email, editor.password);
  await expect(page).toHaveURL(/\/admin$/);
  const home = new AdminHome(page);
  await home.createIssue("临澜日报", DATE, "8117");
  await home.issueLink(DATE).click();

  // One drop: the issue's PDF and a broken file beside it, which fails alone.
  const issue = new IssueEditor(page, "linlan", DATE);
  await issue.dropPdfs([issuePdf, notPdf]);
  await expect(issue.importList()).toContainText("03.pdf：不是 PDF 文件", { timeout: 120_000 });
  await expect(issue.importList().getByText(/第1版/)).toBeVisible({ timeout: 120_000 });
  await expect(issue.importList().locator("li", { hasText: "第2版" })).toContainText(/\d+ 篇稿件，1 处转版/, { timeout: 120_000 });
  await expect(issue.pageRow("1")).toBeVisible();
  await expect(issue.pageRow("2")).toBeVisible();
  await expect(issue.pageRow("3")).toHaveCount(0);
  await expect(issue.linkedJumps()).toContainText(LEAD);

  // A draft's ALTO and whole-issue PDF are nobody's business yet.
  expect((await page.request.get(`/linlan/${DATE}/1/alto.xml`)).status()).toBe(404);
  expect((await page.request.get(`/linlan/${DATE}/issue.pdf`)).status()).toBe(404);
  await issue.publishNow();
  await expect(issue.status()).toHaveText("已发布");

  // A reader: the lead's zone, its article, then 下转 from the page to the continuation.
  const reader = await browser.newContext({ acceptDownloads: true });
  const r = await reader.newPage();
  await r.goto(`/linlan/${DATE}`);
  const zone = r.locator(".scan__zone").and(r.getByRole("link", { name: LEAD }));
  await expect(zone).toBeVisible();
  await zone.locator(".scan__zone-fill").click();
  await expect(r.getByRole("heading", { level: 1, name: LEAD })).toBeVisible();
  await r.goBack();
  await r.getByRole("link", { name: "（下转二版）" }).first().click();
  await expect(r).toHaveURL(new RegExp(`/linlan/${DATE}/2#piece-\\d+$`));
  const continuation = r.locator(".scan__zone:target");
  await expect(continuation).toHaveAccessibleName(/上接/);
  await continuation.locator(".scan__zone-fill").click();
  await expect(r.getByRole("heading", { level: 1, name: LEAD })).toBeVisible();
  await expect(r.getByText(CONTINUATION_TEXT).first()).toBeVisible();

  // The whole issue, one PDF of both pages, offered on the page beside 下载本版.
  await r.goBack();
  await expect(r.getByRole("link", { name: "下载本版" })).toBeVisible();
  const download = r.waitForEvent("download");
  await r.getByRole("link", { name: "下载全部版面" }).click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/^Pages:\s+2$/m);

  // ALTO of the page, published; the draft issue's would be a 404.
  const alto = await r.request.get(`/linlan/${DATE}/1/alto.xml`);
  expect(alto.status()).toBe(200);
  expect(await alto.text()).toContain(`CONTENT="${LEAD}"`);
  await reader.close();
});
