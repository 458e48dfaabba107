// Reader (subscriber) accounts and their sessions. Apart from the newsroom's users: another
// table, another cookie, and nothing here can reach the back office.
import { and, desc, eq, like, sql } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../../lib/errors";
import { getDb, writeTx, type Db } from "../client";
import { readerSessions, readers } from "../schema";
import { recordAudit } from "./audit";

export type ReaderView = { id: number; email: string; createdAt: string };

const readerColumns = { id: readers.id, email: readers.email, createdAt: readers.createdAt };

export class ReaderExistsError extends AppError {
  constructor() { super("conflict", "这个邮箱已注册"); }
}

export const READER_SESSION_DAYS = 30;

/** What a reader session row keeps of its token (the cookie's value never reaches the database). */
export const hashReaderToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createReader({ email, passwordHash }: { email: string; passwordHash: string }, db: Db = getDb()): ReaderView {
  return writeTx(db, (tx) => {
    const normal = normalizeEmail(email);
    if (tx.select({ id: readers.id }).from(readers).where(eq(readers.email, normal)).get()) {
      throw new ReaderExistsError();
    }
    return tx.insert(readers).values({ email: normal, passwordHash }).returning(readerColumns).get();
  });
}

/** For sign-in and password checks only: the one place a reader's hash is read. */
export function getReaderCredentials(by: { email: string } | { id: number }, db: Db = getDb()) {
  const where = "email" in by ? eq(readers.email, normalizeEmail(by.email)) : eq(readers.id, by.id);
  return db.select({ ...readerColumns, passwordHash: readers.passwordHash }).from(readers).where(where).get() ?? null;
}

export function getReaderById(id: number, db: Db = getDb()): ReaderView | null {
  return db.select(readerColumns).from(readers).where(eq(readers.id, id)).get() ?? null;
}

export function getReaderByEmail(email: string, db: Db = getDb()): ReaderView | null {
  return db.select(readerColumns).from(readers).where(eq(readers.email, normalizeEmail(email))).get() ?? null;
}

/** For the back office: newest first, optionally those whose email contains `q`. */
export function listReaders({ q, limit = 100 }: { q?: string | null; limit?: number } = {}, db: Db = getDb()): ReaderView[] {
  const query = db.select(readerColumns).from(readers);
  const filtered = q ? query.where(like(readers.email, `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)) : query;
  return filtered.orderBy(desc(readers.id)).limit(limit).all();
}

export function countReaders(db: Db = getDb()): number {
  return db.select({ n: sql<number>`count(*)` }).from(readers).get()?.n ?? 0;
}

/** A new session; returns the token for the cookie (the database keeps only its hash). */
export function createReaderSession(readerId: number, now = new Date(), db: Db = getDb()): string {
  const token = randomBytes(32).toString("base64url");
  writeTx(db, (tx) => tx.insert(readerSessions).values({
    tokenHash: hashReaderToken(token), readerId, createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + READER_SESSION_DAYS * 86_400_000).toISOString(),
  }).run());
  return token;
}

/** The reader behind a live session token, or null. One indexed read. */
export function getSessionReader(token: string | null | undefined, now = new Date(), db: Db = getDb()): ReaderView | null {
  if (!token || token.length > 100) return null;
  return db.select(readerColumns).from(readerSessions).innerJoin(readers, eq(readers.id, readerSessions.readerId))
    .where(and(eq(readerSessions.tokenHash, hashReaderToken(token)), sql`${readerSessions.expiresAt} > ${now.toISOString()}`))
    .get() ?? null;
}

export function deleteReaderSession(token: string, db: Db = getDb()) {
  writeTx(db, (tx) => tx.delete(readerSessions).where(eq(readerSessions.tokenHash, hashReaderToken(token))).run());
}

/** A new password ends every other session of the reader. */
export function setReaderPassword(readerId: number, passwordHash: string, keepToken: string | null, db: Db = getDb()) {
  writeTx(db, (tx) => {
    tx.update(readers).set({ passwordHash }).where(eq(readers.id, readerId)).run();
    const sessions = tx.select({ h: readerSessions.tokenHash }).from(readerSessions).where(eq(readerSessions.readerId, readerId)).all();
    const keep = keepToken ? hashReaderToken(keepToken) : null;
    for (const s of sessions) if (s.h !== keep) tx.delete(readerSessions).where(eq(readerSessions.tokenHash, s.h)).run();
  });
}

/**
 * Deletes the account and everything kept for it (sessions, subscriptions, bookmarks, history,
 * preferences, meter: foreign keys cascade). Codes it redeemed stay used. The audit keeps the id only.
 */
export function deleteReader(readerId: number, db: Db = getDb()) {
  writeTx(db, (tx) => {
    tx.delete(readers).where(eq(readers.id, readerId)).run();
    recordAudit(tx, null, { action: "reader.delete", target: `reader:${readerId}` });
  });
}
