import { describe, expect, it } from "vitest";
import { auditLog, sessions } from "../schema";
import { openTestDb, testActor } from "./edit-testing";
import { changeOwnPassword, changeUserDisabled, changeUserRole, createUserAudited } from "./edit-users";
import { createSession, getSessionUser } from "./sessions";

describe("accounts in the back office", () => {
  it("a password change ends the other sessions but keeps the current one, and is audited", () => {
    const db = openTestDb();
    const keep = createSession(testActor.id, db);
    const other = createSession(testActor.id, db);
    changeOwnPassword({ userId: testActor.id, passwordHash: "y", keepSessionId: keep }, testActor, db);
    expect(getSessionUser(keep, db)?.id).toBe(testActor.id);
    expect(getSessionUser(other, db)).toBeNull();
    expect(db.select().from(auditLog).all().map((r) => r.action)).toEqual(["user.password"]);
  });

  it("disabling ends every session at once; a duplicate email writes nothing", () => {
    const db = openTestDb();
    const u = createUserAudited({ email: "New@Example.com", name: null, role: "editor", passwordHash: "h" }, testActor, db);
    expect(u.email).toBe("new@example.com");
    const sid = createSession(u.id, db);
    changeUserDisabled({ userId: u.id, disabled: true }, testActor, db);
    expect(getSessionUser(sid, db)).toBeNull();
    expect(db.select().from(sessions).all()).toEqual([]);
    expect(() => createUserAudited({ email: "new@example.com", name: null, role: "admin", passwordHash: "h" }, testActor, db)).toThrow();
    expect(db.select().from(auditLog).all().map((r) => r.action)).toEqual(["user.create", "user.disable"]);
    expect(() => changeUserRole({ userId: testActor.id, role: "editor" }, testActor, db)).toThrow(/自己/);
  });
});
