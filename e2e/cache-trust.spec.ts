// Readers see what the database says, whoever wrote it, with no refresh call: the server's
// cached pages follow the content stamp. The CLI here is told of no server to refresh.
import { spawnSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { holdWriteLock } from "../scripts/faults/lock";

const DB = () => `${process.env.E2E_DATA_DIR}/epaper.db`;

function epaper(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/epaper.ts", ...args], {
    encoding: "utf8",
    // Nothing listens there: the server must follow the database by itself.
    env: { ...process.env, DATABASE_PATH: DB(), EPAPER_SERVER_URL: "http://127.0.0.1:9" },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout ? JSON.parse(r.stdout) : null;
}

function importDraft(date: string, title: string) {
  const dir = mkdtempSync(join(tmpdir(), "e2e-trust-"));
  writeFileSync(join(dir, "p1.txt"), `${title}\n\n本报讯（记者 韩溪）${title}的消息今天发布，相关部门表示将持续跟进。\n\n市民可通过热线反映情况。\n`);
  writeFileSync(join(dir, "p2.txt"), `夜间小巷\n\n本报讯 城北老街的夜市重新开张，摊主们早早摆好了摊位。\n`);
  return epaper(["import", "--paper", "linlan", "--date", date, `1=${join(dir, "p1.txt")}`, `2=${join(dir, "p2.txt")}`]);
}

const status = async (request: APIRequestContext, path: string) => (await request.get(path, { maxRedirects: 0 })).status();
const within = { timeout: 1000, intervals: [50] };

test("a CLI publish is seen from the first request after it, and a take-down of cached pages within a second", async ({ request }) => {
  const date = "2026-09-14";
  importDraft(date, "青柳桥夜间封闭施工");
  expect(await status(request, `/linlan/${date}`)).toBe(404);
  expect(await status(request, `/linlan/${date}`)).toBe(404);

  epaper(["publish", "--paper", "linlan", "--date", date]);
  const start = Date.now();
  await expect.poll(() => status(request, `/linlan/${date}`), within).toBe(200);
  expect(Date.now() - start).toBeLessThan(1000);

  const front = await (await request.get(`/linlan/${date}`)).text();
  const article = /\/linlan\/2026-09-14\/article\/(\d+)/.exec(front)![0];
  const paths = [`/linlan/${date}`, `/linlan/${date}/2`, `/linlan/${date}/contents`, article];
  for (const p of paths) {
    for (let i = 0; i < 2; i++) expect(await status(request, p), p).toBe(200);
    expect((await request.get(p)).headers()["x-response-cache"], p).toBe("hit");
  }
  expect(await (await request.get("/linlan/archive/2026-09")).text()).toContain(`/linlan/${date}`);

  epaper(["unpublish", "--paper", "linlan", "--date", date]);
  for (const p of paths) await expect.poll(() => status(request, p), within).toBe(404);
  expect(await (await request.get("/linlan/archive/2026-09")).text()).not.toContain(`/linlan/${date}"`);
});

test("a failed sign-in leaves the reader cache alone", async ({ request, baseURL }) => {
  const path = "/linlan/2026-11-25";
  await request.get(path);
  expect((await request.get(path)).headers()["x-response-cache"]).toBe("hit");
  const res = await request.post("/api/signin", {
    headers: { origin: baseURL!, accept: "application/json" },
    data: { email: "nobody@linlan.example", password: "wrong-password" },
  });
  expect([401, 429]).toContain(res.status());
  expect((await request.get(path)).headers()["x-response-cache"]).toBe("hit");
});

test("a subscriber's request is answered privately: from the copy anonymous readers share, never kept in it", async ({ request }) => {
  const path = "/linlan/2026-11-24";
  const fresh = `${path}?subscriber-first=1`;
  // Rendered for a subscriber first: private, and nothing kept for the next anonymous reader.
  const own = await request.get(fresh, { headers: { cookie: "banmian_reader=abc" } });
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toBe("private, no-store");
  expect((await request.get(fresh)).headers()["x-response-cache"]).toBeUndefined();
  await request.get(path);
  const sub = await request.get(path, { headers: { cookie: "banmian_reader=abc" } });
  expect(sub.status()).toBe(200);
  expect(sub.headers()["x-response-cache"]).toBe("hit");
  expect(sub.headers()["cache-control"]).toBe("private, no-store");
  const anon = await request.get(path);
  expect(anon.headers()["cache-control"]).toContain("public");
});

test("while another process holds the write lock, readers are answered and a write is told to retry", async ({ request, baseURL }) => {
  const lockMs = 4000;
  const release = await holdWriteLock(DB(), lockMs);
  const started = Date.now();
  const timings: number[] = [];
  const statuses: number[] = [];
  // Half of these were never rendered before: they read the database while it is locked.
  for (let i = 0; Date.now() - started < lockMs - 1500; i++) {
    const t = Date.now();
    statuses.push(await status(request, i % 2 ? `/linlan/2026-11-26?lock=${i}` : "/linlan/2026-11-26"));
    timings.push(Date.now() - t);
  }
  const t = Date.now();
  const write = await request.post("/api/signin", {
    headers: { origin: baseURL!, accept: "application/json" },
    data: { email: "nobody@linlan.example", password: "wrong-password" },
  });
  const writeMs = Date.now() - t;
  await release();
  expect(statuses.every((s) => s === 200)).toBe(true);
  // None of them waited for the lock (it outlasted them all by seconds).
  expect(Math.max(...timings)).toBeLessThan(1500);
  expect(write.status()).toBe(503);
  expect(write.headers()["retry-after"]).toBeTruthy();
  expect(await write.text()).toContain("请稍后重试");
  expect(writeMs).toBeLessThan(1500);
});

test("an article's JSON-LD names the configured origin, never the Host of whoever asked first", async ({ baseURL }) => {
  const url = new URL(baseURL!);
  const get = (path: string, host: string) => new Promise<string>((resolve, reject) => {
    const r = httpRequest({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve(body));
    });
    r.on("error", reject);
    r.end();
  });
  const front = await get("/linlan/2026-11-26", "evil.example");
  const article = /\/linlan\/2026-11-26\/article\/\d+/.exec(front)![0];
  const first = await get(`${article}?fresh=1`, "evil.example");
  expect(first).toContain("application/ld+json");
  expect(first).not.toContain("evil.example");
});
