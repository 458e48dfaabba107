import { and, desc, eq, ne, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { getDb, writeTx, type Db } from "../client";
import { auditLog, sessions, signinThrottle, users, type Role } from "../schema";
import { FAILURE_WINDOW_MS, lockoutMs } from "../../lib/auth/throttle";

/** What the app may know of a user: never the password hash. */
export type UserView = { id: number; email: string; name: string | null; role: Role; disabled: boolean };

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled };

export class UserExistsError extends Error {}

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
      throw new UserExistsError(`a user with email ${normal} already exists`);
    }
    return tx.insert(users).values({ email: normal, name: name ?? null, passwordHash, role }).returning(userColumns).get();
  });
}

// ---- Sessions: a signed token is honoured only while its row exists. ----

const SESSION_DAYS = 30;

export function createSession(userId: number, db: Db = getDb()): string {
  const id = randomBytes(24).toString("base64url");
  const now = new Date();
  writeTx(db, (tx) => tx.insert(sessions).values({
    id, userId, createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  }).run());
  return id;
}

/** The user behind a live session of an enabled account, or null. */
export function getSessionUser(sessionId: string, db: Db = getDb()): UserView | null {
  return db.select(userColumns).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(users.disabled, false), sql`${sessions.expiresAt} > ${new Date().toISOString()}`))
    .get() ?? null;
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

/** Milliseconds until the first of these keys unlocks; 0 when none is locked. */
export function throttleWaitMs(keys: string[], now = Date.now(), db: Db = getDb()): number {
  let wait = 0;
  for (const key of keys) {
    const row = db.select().from(signinThrottle).where(eq(signinThrottle.key, key)).get();
    if (row?.lockedUntil) wait = Math.max(wait, Date.parse(row.lockedUntil) - now);
  }
  return Math.max(0, wait);
}

/**
 * Starts a sign-in attempt: refuses it (returning the wait in ms) while any key is locked, and
 * otherwise counts it as a failure up front, in the same synchronous transaction. Counting before
 * the password is checked is what stops a burst of parallel guesses from all passing the check
 * while the first ones are still being verified. A success takes the count back.
 */
export function beginSigninAttempt(keys: { key: string; free: number }[], now = Date.now(), db: Db = getDb()): number {
  return writeTx(db, (tx) => {
    const wait = throttleWaitMs(keys.map((k) => k.key), now, tx);
    if (wait > 0) return wait;
    for (const { key, free } of keys) {
      const row = tx.select().from(signinThrottle).where(eq(signinThrottle.key, key)).get();
      const stale = row && now - Date.parse(row.lastFailureAt) > FAILURE_WINDOW_MS;
      const failures = (row && !stale ? row.failures : 0) + 1;
      const lock = lockoutMs(failures, free);
      const values = {
        failures, lastFailureAt: new Date(now).toISOString(),
        lockedUntil: lock ? new Date(now + lock).toISOString() : null,
      };
      if (row) tx.update(signinThrottle).set(values).where(eq(signinThrottle.key, key)).run();
      else tx.insert(signinThrottle).values({ key, ...values }).run();
    }
    return 0;
  });
}

/** A correct password: the account starts afresh, and the attempt no longer counts against the client. */
export function endSigninAttemptWithSuccess(account: string, client: string, db: Db = getDb()) {
  writeTx(db, (tx) => {
    tx.delete(signinThrottle).where(eq(signinThrottle.key, account)).run();
    tx.update(signinThrottle).set({ failures: sql`max(${signinThrottle.failures} - 1, 0)` })
      .where(eq(signinThrottle.key, client)).run();
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
