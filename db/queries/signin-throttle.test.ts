import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDb } from "../client";
import { auditLog, sessions, signinThrottle, users } from "../schema";
import { createSession, getSessionUser, touchSession } from "./sessions";
import { beginSigninAttempt, endSigninAttempt, signinWaitMs } from "./throttle";
import { CLIENT_FREE_FAILURES, FAILURE_WINDOW_MS, PAIR_FREE_FAILURES, signinKeys } from "../../lib/auth/throttle";

const T0 = Date.parse("2026-11-26T12:00:00Z");
const who = (email: string, address: string) => ({ email, address });

/** One wrong password, start to end. */
function fail(db: ReturnType<typeof openDb>, email: string, address: string, now: number): number {
  const wait = beginSigninAttempt(signinKeys(email, address), who(email, address), now, db);
  if (wait === 0) endSigninAttempt(signinKeys(email, address), { ok: false }, who(email, address), db);
  return wait;
}
const owner = { id: 1, email: "chief@linlan.example" };

describe("sign-in throttling", () => {
  it("lets only the free attempts through a burst, before any password is checked", () => {
    const db = openDb(":memory:");
    const k = signinKeys("chief@linlan.example", "10.0.0.1");
    const admitted = Array.from({ length: 300 }, () => beginSigninAttempt(k, who("chief@linlan.example", "10.0.0.1"), T0, db))
      .filter((wait) => wait === 0).length;
    expect(admitted).toBe(PAIR_FREE_FAILURES);
    expect(signinWaitMs(k, T0, db)).toBeGreaterThan(0);
  });

  it("never locks the owner out: a correct password from an address that has not been guessing gets through", () => {
    const db = openDb(":memory:");
    // Guesses from many addresses, enough to lock the account key.
    for (let ip = 0; ip < 20; ip++) for (let i = 0; i < PAIR_FREE_FAILURES; i++) fail(db, owner.email, `203.0.113.${ip}`, T0 + i);
    expect(signinWaitMs(signinKeys(owner.email, "203.0.113.1"), T0 + 10, db)).toBeGreaterThan(0);
    expect(signinWaitMs(signinKeys(owner.email, "198.51.100.7"), T0 + 10, db)).toBe(0);
    const k = signinKeys(owner.email, "198.51.100.7");
    expect(beginSigninAttempt(k, who(owner.email, "198.51.100.7"), T0 + 10, db)).toBe(0);
  });

  it("one guess an hour does not keep a lock alive: the window runs from the first failure", () => {
    const db = openDb(":memory:");
    for (let h = 0; h < 24; h++) fail(db, owner.email, "10.0.0.2", T0 + h * 3_600_000);
    // The guesser kept one attempt an hour going; a day after the first failure the count restarts,
    // so one more failure is just one failure, not the 25th.
    const later = T0 + FAILURE_WINDOW_MS + 60_000;
    expect(fail(db, owner.email, "10.0.0.2", later)).toBe(0);
    expect(signinWaitMs(signinKeys(owner.email, "10.0.0.2"), later + 1, db)).toBe(0);
  });

  it("on a shared address a success lifts the lock it earned, and the lock lifts after its time", () => {
    const db = openDb(":memory:");
    db.insert(users).values({ id: 1, email: owner.email, passwordHash: "x" }).run();
    const office = "192.0.2.50";
    // Colleagues mistype across many accounts: the address is one failure short of its lock.
    for (let i = 0; i < CLIENT_FREE_FAILURES - 1; i++) fail(db, `staff${i}@linlan.example`, office, T0 + i);
    const k = signinKeys(owner.email, office);
    // The owner's attempt is counted up front (reaching the lock), then succeeds.
    expect(beginSigninAttempt(k, who(owner.email, office), T0 + 100, db)).toBe(0);
    endSigninAttempt(k, { ok: true, user: owner }, who(owner.email, office), db);
    const row = db.select().from(signinThrottle).where(eq(signinThrottle.key, k.client)).get()!;
    expect(row.lockedUntil).toBeNull();
    expect(signinWaitMs(signinKeys("other@linlan.example", office), T0 + 101, db)).toBe(0);
    // And a lock that was earned lifts when it runs out, whatever the count.
    fail(db, "x@linlan.example", office, T0 + 200);
    fail(db, "y@linlan.example", office, T0 + 201);
    const wait = signinWaitMs(signinKeys("z@linlan.example", office), T0 + 202, db);
    expect(wait).toBeGreaterThan(0);
    expect(signinWaitMs(signinKeys("z@linlan.example", office), T0 + 202 + wait + 1, db)).toBe(0);
  });

  it("audits successes, failures and the start of a lockout", () => {
    const db = openDb(":memory:");
    db.insert(users).values({ id: 1, email: owner.email, passwordHash: "x" }).run();
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) fail(db, owner.email, "10.0.0.9", T0 + i);
    const k = signinKeys(owner.email, "10.0.0.10");
    beginSigninAttempt(k, who(owner.email, "10.0.0.10"), T0 + 10, db);
    endSigninAttempt(k, { ok: true, user: owner }, who(owner.email, "10.0.0.10"), db);
    const actions = db.select({ a: auditLog.action }).from(auditLog).all().map((r) => r.a);
    expect(actions.filter((a) => a === "signin.failure")).toHaveLength(PAIR_FREE_FAILURES);
    expect(actions.filter((a) => a === "signin.lockout")).toHaveLength(1);
    expect(actions.filter((a) => a === "signin.success")).toHaveLength(1);
  });

  it("prunes throttle rows whose window and lock are over", () => {
    const db = openDb(":memory:");
    for (let ip = 0; ip < 50; ip++) fail(db, owner.email, `203.0.113.${ip}`, T0);
    expect(db.select().from(signinThrottle).all().length).toBeGreaterThan(50);
    fail(db, owner.email, "10.1.1.1", T0 + FAILURE_WINDOW_MS + 2 * 3_600_000);
    expect(db.select().from(signinThrottle).all().map((r) => r.key).sort()).toEqual(Object.values(signinKeys(owner.email, "10.1.1.1")).sort());
  });

  it("email case and spaces do not make a fresh account key", () => {
    expect(signinKeys(" Chief@Linlan.Example ", "a")).toEqual(signinKeys("chief@linlan.example", "a"));
  });
});

describe("newsroom sessions", () => {
  it("end after a spell of inactivity, stay alive while used, and expired ones are pruned", () => {
    const db = openDb(":memory:");
    db.insert(users).values({ id: 1, email: owner.email, passwordHash: "x" }).run();
    const t = new Date(T0);
    const idle = createSession(1, db, t);
    const busy = createSession(1, db, t);
    for (let h = 1; h <= 13; h++) {
      const now = new Date(T0 + h * 3_600_000);
      expect(getSessionUser(busy, db, now)).not.toBeNull();
      touchSession(busy, db, now);
    }
    const later = new Date(T0 + 13 * 3_600_000 + 1);
    expect(getSessionUser(idle, db, later)).toBeNull();
    expect(getSessionUser(busy, db, later)?.email).toBe(owner.email);
    createSession(1, db, later);
    const left = db.select({ id: sessions.id }).from(sessions).all().map((r) => r.id);
    expect(left).not.toContain(idle);
    expect(left).toContain(busy);
  });
});
