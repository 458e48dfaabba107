// Account changes made in the back office, each with its audit record in the same transaction.
// The session rules live in users.ts (setPassword keeps the current session, disabling ends all).
import { eq } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { users, type Role } from "../schema";
import { createUser, setPassword, setUserDisabled, setUserRole } from "./users";
import { recordAudit } from "./audit";
import { EditError, type EditActor } from "./edit-issues";

function requireUser(tx: Db, userId: number) {
  const user = tx.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new EditError("not_found", "没有这个用户");
  return user;
}

export function createUserAudited(
  input: { email: string; name: string | null; role: Role; passwordHash: string; via?: "cli" }, actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const user = createUser(input, tx);
    recordAudit(tx, actor, { action: "user.create", target: user.email, detail: { role: input.role, ...(input.via ? { via: input.via } : {}) } });
    return user;
  });
}

export function changeUserRole(input: { userId: number; role: Role }, actor: EditActor, db: Db = getDb()) {
  return writeTx(db, (tx) => {
    const user = requireUser(tx, input.userId);
    if (actor && user.id === actor.id && input.role !== "admin") throw new EditError("invalid", "不能取消自己的管理员权限");
    setUserRole(user.id, input.role, tx);
    recordAudit(tx, actor, { action: "user.role", target: user.email, detail: { from: user.role, to: input.role } });
  });
}

/** Disabling ends every session of that user at once. */
export function changeUserDisabled(input: { userId: number; disabled: boolean }, actor: EditActor, db: Db = getDb()) {
  return writeTx(db, (tx) => {
    const user = requireUser(tx, input.userId);
    if (actor && user.id === actor.id && input.disabled) throw new EditError("invalid", "不能停用自己的账号");
    setUserDisabled(user.id, input.disabled, tx);
    recordAudit(tx, actor, { action: input.disabled ? "user.disable" : "user.enable", target: user.email });
  });
}

/** A new password ends the user's other sessions; the one making the change stays signed in. */
export function changeOwnPassword(
  input: { userId: number; passwordHash: string; keepSessionId: string }, actor: EditActor, db: Db = getDb(),
) {
  return writeTx(db, (tx) => {
    const user = requireUser(tx, input.userId);
    setPassword(user.id, input.passwordHash, input.keepSessionId, tx);
    recordAudit(tx, actor, { action: "user.password", target: user.email });
  });
}
