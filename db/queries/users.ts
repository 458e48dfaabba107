// Newsroom accounts: who they are and their role. Ending an account's sessions on a password
// change or when it is disabled happens in the same transaction as the change.
import { and, eq, ne } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { getDb, writeTx, type Db } from "../client";
import { sessions, users, type Role } from "../schema";

/** What the app may know of a user: never the password hash. */
export type UserView = { id: number; email: string; name: string | null; role: Role; disabled: boolean };

export const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled };

export class UserExistsError extends AppError {
  constructor() { super("conflict", "这个邮箱已有账号"); }
}

/** For sign-in only: the one place the hash is read. */
export function getCredentialsByEmail(email: string, db: Db = getDb()) {
  return db.select({ ...userColumns, passwordHash: users.passwordHash }).from(users)
    .where(eq(users.email, email.trim().toLowerCase())).get() ?? null;
}

export function listUsers(db: Db = getDb()): UserView[] {
  return db.select(userColumns).from(users).orderBy(users.email).all();
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

// The audit log's writer, still imported from here by the PDF import (db/queries/imports.ts).
