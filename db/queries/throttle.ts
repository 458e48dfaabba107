// Sign-in throttling, for newsroom sign-in and the reader's account routes (policy in
// lib/auth/throttle.ts). Failures are counted before the password is checked.
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { signinThrottle } from "../schema";
import {
  ACCOUNT_FREE_FAILURES, CLIENT_FREE_FAILURES, FAILURE_WINDOW_MS, PAIR_FREE_FAILURES, lockoutMs, type SigninKeys,
} from "../../lib/auth/throttle";
import { recordAudit } from "./audit";

type ThrottleRow = typeof signinThrottle.$inferSelect;

const windowStart = (row: ThrottleRow) => Date.parse(row.firstFailureAt ?? row.lastFailureAt);
const isStale = (row: ThrottleRow, now: number) => now - windowStart(row) > FAILURE_WINDOW_MS;
const lockLeft = (row: ThrottleRow | undefined, now: number) =>
  row?.lockedUntil && !isStale(row, now) ? Math.max(0, Date.parse(row.lockedUntil) - now) : 0;

function throttleRow(db: Db, key: string): ThrottleRow | undefined {
  return db.select().from(signinThrottle).where(eq(signinThrottle.key, key)).get();
}

/**
 * Milliseconds until this account may be tried from this address; 0 when it may. The account's
 * own lock holds back only addresses that have failed on it: its owner elsewhere gets through.
 */
export function signinWaitMs(keys: SigninKeys, now = Date.now(), db: Db = getDb()): number {
  const pair = throttleRow(db, keys.pair);
  const pairFailed = !!pair && pair.failures > 0 && !isStale(pair, now);
  return Math.max(
    lockLeft(throttleRow(db, keys.client), now),
    lockLeft(pair, now),
    pairFailed ? lockLeft(throttleRow(db, keys.account), now) : 0,
  );
}

/** Counts one failure against a key; returns true when that failure starts a lock. */
function countFailure(tx: Db, key: string, free: number, now: number): boolean {
  const row = throttleRow(tx, key);
  const fresh = !row || isStale(row, now);
  const failures = (fresh ? 0 : row.failures) + 1;
  const lock = lockoutMs(failures, free);
  const values = {
    failures, lastFailureAt: new Date(now).toISOString(),
    firstFailureAt: fresh ? new Date(now).toISOString() : new Date(windowStart(row)).toISOString(),
    lockedUntil: lock ? new Date(now + lock).toISOString() : null,
  };
  if (row) tx.update(signinThrottle).set(values).where(eq(signinThrottle.key, key)).run();
  else tx.insert(signinThrottle).values({ key, ...values }).run();
  return lock > 0;
}

/**
 * The same throttle for attempts that are not newsroom sign-ins (readers' sign-in and sign-up,
 * code redemption): each key has its own allowance, every key must be free, and the attempt is
 * counted up front. Returns the wait in ms, 0 when the attempt may go ahead.
 */
export function beginThrottledAttempt(keys: { key: string; free: number }[], now = Date.now(), db: Db = getDb()): number {
  return writeTx(db, (tx) => {
    const wait = Math.max(0, ...keys.map(({ key }) => lockLeft(throttleRow(tx, key), now)));
    if (wait > 0) return wait;
    for (const { key, free } of keys) countFailure(tx, key, free, now);
    return 0;
  });
}

/** A throttled attempt that succeeded: the first key starts afresh; the others take back one count. */
export function endThrottledAttemptWithSuccess(keys: string[], db: Db = getDb()) {
  const [own, ...others] = keys;
  writeTx(db, (tx) => {
    tx.delete(signinThrottle).where(eq(signinThrottle.key, own)).run();
    if (others.length) {
      tx.update(signinThrottle).set({ failures: sql`max(${signinThrottle.failures} - 1, 0)` })
        .where(inArray(signinThrottle.key, others)).run();
    }
  });
}

/**
 * Starts a sign-in attempt: refuses it (returning the wait in ms) while locked, and otherwise
 * counts it as a failure up front, in the same synchronous transaction. Counting before the
 * password is checked is what stops a burst of parallel guesses from all passing the check while
 * the first ones are still being verified. A success takes the count back. Rows whose window and
 * lock are over are deleted here, so an attack leaves no lasting trail of rows.
 */
export function beginSigninAttempt(
  keys: SigninKeys, who: { email: string; address: string }, now = Date.now(), db: Db = getDb(),
): number {
  return writeTx(db, (tx) => {
    const nowIso = new Date(now).toISOString();
    tx.delete(signinThrottle).where(and(
      sql`coalesce(${signinThrottle.firstFailureAt}, ${signinThrottle.lastFailureAt}) < ${new Date(now - FAILURE_WINDOW_MS).toISOString()}`,
      or(isNull(signinThrottle.lockedUntil), lt(signinThrottle.lockedUntil, nowIso)),
    )).run();
    const wait = signinWaitMs(keys, now, tx);
    if (wait > 0) return wait;
    const locked = [
      countFailure(tx, keys.pair, PAIR_FREE_FAILURES, now) && "pair",
      countFailure(tx, keys.client, CLIENT_FREE_FAILURES, now) && "client",
      countFailure(tx, keys.account, ACCOUNT_FREE_FAILURES, now) && "account",
    ].filter(Boolean);
    if (locked.length) {
      recordAudit(tx, null, { action: "signin.lockout", target: who.email, detail: { address: who.address, keys: locked } });
    }
    return 0;
  });
}

/**
 * Ends an attempt begun above. A correct password takes back its counted failure: the pair and
 * the account start afresh and the address's lock is lifted. Either way the outcome is audited.
 */
export function endSigninAttempt(
  keys: SigninKeys, outcome: { ok: true; user: { id: number; email: string } } | { ok: false },
  who: { email: string; address: string }, db: Db = getDb(),
) {
  writeTx(db, (tx) => {
    if (outcome.ok) {
      tx.delete(signinThrottle).where(inArray(signinThrottle.key, [keys.pair, keys.account])).run();
      tx.update(signinThrottle).set({ failures: sql`max(${signinThrottle.failures} - 1, 0)`, lockedUntil: null })
        .where(eq(signinThrottle.key, keys.client)).run();
      recordAudit(tx, outcome.user, { action: "signin.success", target: outcome.user.email, detail: { address: who.address } });
    } else {
      recordAudit(tx, null, { action: "signin.failure", target: who.email, detail: { address: who.address } });
    }
  });
}
