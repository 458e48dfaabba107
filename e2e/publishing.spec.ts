// Publishing from the newsroom's command line reaches readers at once, and drafts never do.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

const DATE = "2026-11-28";

function epaper(baseURL: string, args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/epaper.ts", ...args], {
    encoding: "utf8",
    // The server's own database, and its address for the cache purge.
    env: { ...process.env, DATABASE_PATH: `${process.env.E2E_DATA_DIR}/epaper.db`, EPAPER_SERVER_URL: baseURL },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

test("a draft stays hidden; publish shows it within a second; unpublish hides it again", async ({ request, baseURL }) => {
  const dir = mkdtempSync(join(tmpdir(), "e2e-pages-"));
  writeFileSync(join(dir, "p1.txt"), "周末气温回升\n\n本报讯（记者 苏念）11月27日，记者从市气象台获悉，周末我市气温将明显回升，最高气温可达16℃。\n\n气象专家提醒，早晚温差较大，市民仍需注意保暖。\n");
  const summary = epaper(baseURL!, ["import", "--paper", "linlan", "--date", DATE, `1=${join(dir, "p1.txt")}`]);
  expect(summary.status).toBe("draft");

  expect((await request.get(`/linlan/${DATE}`)).status()).toBe(404);
  // Drafts are not in the calendar either.
  expect(await (await request.get("/linlan/archive/2026-11")).text()).not.toContain(`/linlan/${DATE}"`);

  epaper(baseURL!, ["publish", "--paper", "linlan", "--date", DATE]);
  await expect.poll(async () => (await request.get(`/linlan/${DATE}`)).status(), { timeout: 1000, intervals: [100] }).toBe(200);
  expect(await (await request.get(`/linlan/${DATE}`)).text()).toContain("周末气温回升");

  epaper(baseURL!, ["unpublish", "--paper", "linlan", "--date", DATE]);
  await expect.poll(async () => (await request.get(`/linlan/${DATE}`)).status(), { timeout: 1000, intervals: [100] }).toBe(404);
});
