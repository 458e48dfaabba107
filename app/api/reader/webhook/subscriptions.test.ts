import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, getDb, type Db } from "@/db/client";
import { auditLog, papers, readers, subscriptions, users } from "@/db/schema";
import { signWebhook } from "@/lib/webhook-signature";
import { grantFromPaymentEvent, grantSubscription, hasActiveSubscription, revokeSubscription, setSubscriptionEnd } from "@/db/queries/subscriptions";

const NOW = new Date("2026-11-26T04:00:00Z");
const admin = { id: 1, email: "admin@example.com" };

function setup(db: Db) {
  db.insert(users).values({ id: 1, email: admin.email, passwordHash: "x", role: "admin" }).run();
  db.insert(papers).values({ id: 1, slug: "linlan", name: "临澜日报" }).run();
  db.insert(readers).values({ id: 7, email: "reader@example.com", passwordHash: "x" }).run();
}

describe("admin grants", () => {
  it("grant, extend and revoke, each audited", () => {
    const db = openDb(":memory:");
    setup(db);
    const s = grantSubscription({ readerId: 7, paperId: 1, plan: "年度", startsAt: "2026-11-01T00:00:00.000Z", endsAt: "2026-12-01T00:00:00.000Z" }, admin, db);
    expect(hasActiveSubscription(7, 1, NOW, db)).toBe(true);
    expect(hasActiveSubscription(7, 1, new Date("2026-12-02T00:00:00Z"), db)).toBe(false);
    setSubscriptionEnd(s.id, "2027-01-01T00:00:00.000Z", admin, db);
    expect(hasActiveSubscription(7, 1, new Date("2026-12-02T00:00:00Z"), db)).toBe(true);
    revokeSubscription(s.id, admin, NOW, db);
    expect(hasActiveSubscription(7, 1, NOW, db)).toBe(false);
    expect(db.select().from(auditLog).all().map((a) => [a.action, a.userEmail])).toEqual([
      ["subscription.grant", "admin@example.com"], ["subscription.extend", "admin@example.com"], ["subscription.revoke", "admin@example.com"],
    ]);
  });
  it("a period that ends before it starts is refused and nothing is written", () => {
    const db = openDb(":memory:");
    setup(db);
    expect(() => grantSubscription({ readerId: 7, paperId: 1, plan: "x", startsAt: "2026-12-01T00:00:00.000Z", endsAt: "2026-11-01T00:00:00.000Z" }, admin, db)).toThrow();
    expect(db.select().from(subscriptions).all()).toHaveLength(0);
    expect(db.select().from(auditLog).all()).toHaveLength(0);
  });
});

describe("payment events", () => {
  it("a redelivered event grants once", () => {
    const db = openDb(":memory:");
    setup(db);
    const e = { eventId: "evt_1", readerId: 7, paperId: 1, plan: "月度", days: 31 };
    expect(grantFromPaymentEvent(e, NOW, db).duplicate).toBe(false);
    expect(grantFromPaymentEvent(e, NOW, db).duplicate).toBe(true);
    expect(db.select().from(subscriptions).all()).toHaveLength(1);
  });
});

describe("POST /api/reader/webhook", () => {
  let dir: string;
  const SECRET = "whsec-test";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "banmian-webhook-"));
    process.env.DATABASE_PATH = join(dir, "epaper.db");
    process.env.READER_WEBHOOK_SECRET = SECRET;
    setup(getDb());
  });
  afterAll(() => {
    getDb().$client.close();
    rmSync(dir, { recursive: true, force: true });
    delete process.env.READER_WEBHOOK_SECRET;
  });
  const post = async (body: string, signature: string | null) => {
    const { POST } = await import("./route");
    return POST(new Request("http://localhost/api/reader/webhook", {
      method: "POST", body, headers: signature ? { "x-banmian-signature": signature } : {},
    }));
  };
  const event = JSON.stringify({ id: "evt_9", type: "subscription.grant", email: "reader@example.com", paper: "linlan", plan: "月度", days: 31 });

  it("grants for a signed event, once, and refuses unsigned or forged ones", async () => {
    const t = Math.floor(Date.now() / 1000);
    expect((await post(event, null)).status).toBe(401);
    expect((await post(event, signWebhook("wrong", event, t))).status).toBe(401);
    expect(hasActiveSubscription(7, 1)).toBe(false);
    const ok = await post(event, signWebhook(SECRET, event, t));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(hasActiveSubscription(7, 1)).toBe(true);
    const again = await post(event, signWebhook(SECRET, event, t));
    expect(await again.json()).toMatchObject({ ok: true, duplicate: true });
    const stranger = event.replace("reader@example.com", "nobody@example.com").replace("evt_9", "evt_10");
    expect((await post(stranger, signWebhook(SECRET, stranger, t))).status).toBe(422);
  });
});
