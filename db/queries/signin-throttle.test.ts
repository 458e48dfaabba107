import { describe, expect, it } from "vitest";
import { openDb } from "../client";
import { beginSigninAttempt, endSigninAttemptWithSuccess, throttleWaitMs } from "./users";
import { ACCOUNT_FREE_FAILURES, CLIENT_FREE_FAILURES, accountKey, clientKey } from "../../lib/auth/throttle";

const keys = (email: string, ip: string) => [
  { key: accountKey(email), free: ACCOUNT_FREE_FAILURES },
  { key: clientKey(ip), free: CLIENT_FREE_FAILURES },
];

describe("sign-in throttling", () => {
  it("lets only the free attempts through a burst, before any password is checked", () => {
    const db = openDb(":memory:");
    const now = Date.parse("2026-11-26T12:00:00Z");
    // 300 attempts started before any has finished: each is counted as it starts.
    const admitted = Array.from({ length: 300 }, () => beginSigninAttempt(keys("chief@linlan.example", "10.0.0.1"), now, db))
      .filter((wait) => wait === 0).length;
    expect(admitted).toBe(ACCOUNT_FREE_FAILURES);
    expect(throttleWaitMs([accountKey("chief@linlan.example")], now, db)).toBeGreaterThan(0);
  });

  it("locks for longer after each further failure, and forgets after the lock", () => {
    const db = openDb(":memory:");
    let now = Date.parse("2026-11-26T12:00:00Z");
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) beginSigninAttempt(keys("a@linlan.example", "10.0.0.2"), now, db);
    const first = throttleWaitMs([accountKey("a@linlan.example")], now, db);
    now += first + 1;
    expect(beginSigninAttempt(keys("a@linlan.example", "10.0.0.2"), now, db)).toBe(0);
    const second = throttleWaitMs([accountKey("a@linlan.example")], now, db);
    expect(second).toBeGreaterThan(first);
  });

  it("a success clears the account and does not count against the client", () => {
    const db = openDb(":memory:");
    const now = Date.parse("2026-11-26T12:00:00Z");
    for (let i = 0; i < ACCOUNT_FREE_FAILURES - 1; i++) beginSigninAttempt(keys("b@linlan.example", "10.0.0.3"), now, db);
    expect(beginSigninAttempt(keys("b@linlan.example", "10.0.0.3"), now, db)).toBe(0);
    endSigninAttemptWithSuccess(accountKey("b@linlan.example"), clientKey("10.0.0.3"), db);
    expect(throttleWaitMs([accountKey("b@linlan.example")], now, db)).toBe(0);
    expect(beginSigninAttempt(keys("b@linlan.example", "10.0.0.3"), now, db)).toBe(0);
  });

  it("email case and spaces do not make a fresh account key", () => {
    expect(accountKey(" Chief@Linlan.Example ")).toBe(accountKey("chief@linlan.example"));
  });
});
