import { and, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { AppError } from "../../lib/errors";
import { getDb, writeTx, type Db } from "../client";
import { auditLog, sessions, signinThrottle, users, type Role } from "../schema";
import {
  ACCOUNT_FREE_FAILURES, CLIENT_FREE_FAILURES, FAILURE_WINDOW_MS, PAIR_FREE_FAILURES, lockoutMs, type SigninKeys,
} from "../../lib/auth/throttle";

/** What the app may know of a user: never the password hash. */
export type UserView = { id: number; email: string; name: string | null; role: Role; disabled: boolean };

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled };

export class UserExistsError extends AppError {
  constructor() { super("conflict", "这个邮箱已有账号"); }
}

export function getUserById(id: number, db: Db = getDb()): UserView | null {
  return db.select(userColumns).from(users).where(eq(users.id, id)).get() ?? null;
}

/** For sign-in only: the one place the hash is read. */
export function getCredentialsByEmail(email: string, db: Db = getDb()) {
  return db.select({ ...userColumns, passwordHash: users.passwordHash }).from(users)
    .where(eq(users.email, email.trim().toLowerCase())).get() ?? null;
}

export function listUsers(db: Db = getDb()): UserView[] {
  return db.select(userColumns).from(users).orderBy(users.email).all();
}

export function countUsers(db: Db = getDb()): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}

export function createUser(
  { email, name, passwordHash, role }: { email: string; name?: string | null; passwordHash: string; role: Role },
  db: Db = getDb(),
): UserView {
  return writeTx(db, (tx) => {
    const normal = email.trim().toLowerCase();
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, normal)).get()) {
      throw new UserExistsError();
    }
    return tx.insert(users).values({ email: normal, name: name ?? null, passwordHash, role }).returning(userColumns).get();
  });
}

// ---- Sessions: a signed token is honoured only while its row exists. ----

const SESSION_DAYS = 30;
/** A newsroom session left alone this long ends (EPAPER_SESSION_IDLE_MINUTES, default 12 h: a night shift). */
export function sessionIdleMs(env = process.env): number {
  const minutes = Number(env.EPAPER_SESSION_IDLE_MINUTES);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 12 * 60) * 60_000;
}
/** How stale last_seen_at may get before a request writes it again: one write a minute, not one a request. */
const TOUCH_EVERY_MS = 60_000;

/** Creates a session; expired and idle ones of every user are deleted in the same transaction. */
export function createSession(userId: number, db: Db = getDb(), now = new Date()): string {
  const id = randomBytes(24).toString("base64url");
  writeTx(db, (tx) => {
    pruneSessions(tx, now);
    tx.insert(sessions).values({
      id, userId, createdAt: now.toISOString(), lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    }).run();
  });
  return id;
}

function pruneSessions(tx: Db, now: Date) {
  const idleSince = new Date(now.getTime() - sessionIdleMs()).toISOString();
  tx.delete(sessions).where(or(
    lt(sessions.expiresAt, now.toISOString()),
    lt(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`, idleSince),
  )).run();
}

/** The user behind a live, recently used session of an enabled account, or null. */
export function getSessionUser(sessionId: string, db: Db = getDb(), now = new Date()): UserView | null {
  const idleSince = new Date(now.getTime() - sessionIdleMs()).toISOString();
  return db.select(userColumns).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(
      eq(sessions.id, sessionId), eq(users.disabled, false), sql`${sessions.expiresAt} > ${now.toISOString()}`,
      sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt}) > ${idleSince}`,
    ))
    .get() ?? null;
}

/**
 * Notes that a session is in use (the idle timeout counts from here). Written at most once a
 * minute per session; a failed write (database busy or full) only delays the note.
 */
export function touchSession(sessionId: string, db: Db = getDb(), now = new Date()) {
  const cutoff = new Date(now.getTime() - TOUCH_EVERY_MS).toISOString();
  const row = db.select({ seen: sql<string>`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})` }).from(sessions)
    .where(eq(sessions.id, sessionId)).get();
  if (!row || row.seen > cutoff) return;
  try {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run();
  } catch (e) {
    if (!/SQLITE_(BUSY|FULL|IOERR|READONLY)/.test(String((e as { code?: string }).code))) throw e;
  }
}

export function deleteSession(sessionId: string, db: Db = getDb()) {
  writeTx(db, (tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)).run());
}

/** Ends every session of a user but, optionally, the one making the change. */
export function deleteSessionsOfUser(userId: number, exceptSessionId: string | null, db: Db = getDb()) {
  writeTx(db, (tx) => tx.delete(sessions).where(and(
    eq(sessions.userId, userId),
    exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
  )).run());
}

export function setPassword(userId: number, passwordHash: string, keepSessionId: string | null, db: Db = getDb()) {
  writeTx(db, (tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    tx.delete(sessions).where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined)).run();
  });
}

export function setUserDisabled(userId: number, disabled: boolean, db: Db = getDb()) {
  writeTx(db, (tx) => {
    tx.update(users).set({ disabled }).where(eq(users.id, userId)).run();
    if (disabled) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  });
}

export function setUserRole(userId: number, role: Role, db: Db = getDb()) {
  writeTx(db, (tx) => tx.update(users).set({ role }).where(eq(users.id, userId)).run());
}

// ---- Sign-in throttling (policy in lib/auth/throttle.ts). ----

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

// ---- Audit log ----

export type AuditEntry = { action: string; target?: string | null; detail?: Record<string, unknown> | null };

/** Records who did what. Call inside the same transaction as the change it describes. */
export function recordAudit(tx: Db, user: { id: number; email: string } | null, entry: AuditEntry) {
  tx.insert(auditLog).values({
    userId: user?.id ?? null, userEmail: user?.email ?? null,
    action: entry.action, target: entry.target ?? null, detail: entry.detail ?? null,
  }).run();
}

export function listAudit({ limit = 200, offset = 0 }: { limit?: number; offset?: number } = {}, db: Db = getDb()) {
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset).all();
}
