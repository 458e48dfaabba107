// Test support for the edit-* query tests: a fresh in-memory database with one editor, whose
// id the audit log's foreign key needs.
import { openDb, type Db } from "../client";
import { users } from "../schema";

export const testActor = { id: 1, email: "ed@example.com" };

export function openTestDb(): Db {
  const db = openDb(":memory:");
  db.insert(users).values({ id: testActor.id, email: testActor.email, passwordHash: "x", role: "editor" }).run();
  return db;
}
