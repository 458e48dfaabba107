import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "../client";
import { auditLog, papers, readers, subscriptions } from "../schema";
import { createCodeBatch, listCodesOfBatch, redeemCode } from "./codes";
import { hasActiveSubscription } from "./subscriptions";

const NOW = new Date("2026-11-26T04:00:00Z");
const LATER = "2027-12-31T00:00:00.000Z";

function setup(db: Db, readerCount = 2) {
  db.insert(papers).values({ id: 1, slug: "linlan", name: "临澜日报" }).run();
  for (let i = 1; i <= readerCount; i++) db.insert(readers).values({ id: i, email: `r${i}@example.com`, passwordHash: "x" }).run();
  return createCodeBatch({ paperId: 1, plan: "印刷版订户", days: 30, count: 3, redeemBy: LATER }, null, db);
}

describe("activation codes", () => {
  it("a batch makes distinct codes and is audited", () => {
    const db = openDb(":memory:");
    const { batchId, codes } = setup(db);
    expect(new Set(codes).size).toBe(3);
    expect(listCodesOfBatch(batchId, db).map((c) => c.code)).toEqual(codes);
    expect(db.select().from(auditLog).all().map((a) => a.action)).toEqual(["codes.create"]);
  });

  it("a code grants its days once; a second use, an unknown or an expired code change nothing", () => {
    const db = openDb(":memory:");
    const { codes } = setup(db);
    const r = redeemCode({ code: codes[0], readerId: 1, now: NOW }, db);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Date.parse(r.subscription.endsAt) - Date.parse(r.subscription.startsAt)).toBe(30 * 86_400_000);
    expect(hasActiveSubscription(1, 1, NOW, db)).toBe(true);
    const before = db.select().from(subscriptions).all().length;
    expect(redeemCode({ code: codes[0], readerId: 2, now: NOW }, db)).toEqual({ ok: false, reason: "used" });
    expect(redeemCode({ code: "00000-00000-00000-00000", readerId: 2, now: NOW }, db)).toEqual({ ok: false, reason: "unknown" });
    expect(redeemCode({ code: codes[1], readerId: 2, now: new Date("2028-01-01T00:00:00Z") }, db)).toEqual({ ok: false, reason: "expired" });
    expect(db.select().from(subscriptions).all().length).toBe(before);
    expect(hasActiveSubscription(2, 1, NOW, db)).toBe(false);
  });

  it("a second code extends access from the end of the first, not from today", () => {
    const db = openDb(":memory:");
    const { codes } = setup(db);
    redeemCode({ code: codes[0], readerId: 1, now: NOW }, db);
    const r = redeemCode({ code: codes[1], readerId: 1, now: NOW }, db);
    expect(r.ok && r.subscription.endsAt).toBe(new Date(NOW.getTime() + 60 * 86_400_000).toISOString());
  });

  it("subscription ends: expired access is no access", () => {
    const db = openDb(":memory:");
    const { codes } = setup(db);
    redeemCode({ code: codes[0], readerId: 1, now: NOW }, db);
    expect(hasActiveSubscription(1, 1, new Date(NOW.getTime() + 31 * 86_400_000), db)).toBe(false);
  });
});

describe("redemption under concurrency", () => {
  let dir: string | null = null;
  afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = null; });

  it("100 parallel redemptions of one code from 5 processes: exactly one succeeds", async () => {
    dir = mkdtempSync(join(tmpdir(), "banmian-race-"));
    const path = join(dir, "race.db");
    const db = openDb(path);
    const { codes } = setup(db, 100);
    db.$client.close();
    const startAt = Date.now() + 4000; // every process connected and waiting before the gun
    const procs = Array.from({ length: 5 }, (_, p) => {
      const ids = Array.from({ length: 20 }, (_, i) => String(p * 20 + i + 1));
      const child = spawn(process.execPath, ["--import", "tsx", "db/queries/redeem-race-worker.ts", path, codes[0], String(startAt), ...ids], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      return new Promise<{ ok: number; reasons: Record<string, number> }>((resolve, reject) =>
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}`)))));
    });
    const results = await Promise.all(procs);
    expect(results.reduce((n, r) => n + r.ok, 0)).toBe(1);
    expect(results.reduce((n, r) => n + (r.reasons.used ?? 0), 0)).toBe(99);
    const check = openDb(path);
    expect(check.select().from(subscriptions).all()).toHaveLength(1);
    check.$client.close();
  }, 60_000);
});
