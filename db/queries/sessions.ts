// Newsroom sessions: a signed token is honoured only while its row exists, so an account can be
// signed out everywhere at once by deleting rows.
import { and, eq, lt, or, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { getDb, writeTx, type Db } from "../client";
import { sessions, users } from "../schema";
import { userColumns, type UserView } from "./users";

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

