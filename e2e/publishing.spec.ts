// Publishing from the newsroom's command line reaches readers at once, and drafts never do.
// The issue is this attempt's own (e2e/fixtures.ts), so a retry or a second run starts clean.
import { expect, test } from "./fixtures";

// The promise is one second on a quiet machine (bench/results.md measures it); here the
// polls allow five, so that a loaded machine's slow request is not taken for a stale cache.
const SOON = { timeout: 5000, intervals: [100] };

test("a draft stays hidden; publish shows it at once; unpublish hides it again", async ({ request, cli, issueDate: DATE, pageFile }) => {
  const file = pageFile("周末气温回升\n\n本报讯（记者 苏念）记者从市气象台获悉，周末我市气温将明显回升，最高气温可达16℃。\n\n气象专家提醒，早晚温差较大，市民仍需注意保暖。\n");
  const summary = cli(["import", "--paper", "linlan", "--date", DATE, `1=${file}`]) as { status: string };
  expect(summary.status).toBe("draft");

  expect((await request.get(`/linlan/${DATE}`)).status()).toBe(404);
  // Drafts are not in the calendar either.
  const month = `/linlan/archive/${DATE.slice(0, 7)}`;
  expect(await (await request.get(month)).text()).not.toContain(`/linlan/${DATE}"`);

  cli(["publish", "--paper", "linlan", "--date", DATE]);
  await expect.poll(async () => (await request.get(`/linlan/${DATE}`)).status(), SOON).toBe(200);
  expect(await (await request.get(`/linlan/${DATE}`)).text()).toContain("周末气温回升");

  cli(["unpublish", "--paper", "linlan", "--date", DATE]);
  await expect.poll(async () => (await request.get(`/linlan/${DATE}`)).status(), SOON).toBe(404);
});
