// A database on a full disk: a sign-in's writes fail with an error the sign-in route can tell
// from a wrong password (it answers 503 with a message), and nothing is half-written.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb } from "../client";
import { sessions, users } from "../schema";
import { createSession } from "./sessions";
import { beginSigninAttempt } from "./throttle";
import { signinKeys } from "../../lib/auth/throttle";
import { storageFailure } from "../../lib/storage-errors";

const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), "banmian-full-"));
afterAll(() => {
  try { execFileSync("umount", [join(dir, "disk")], { stdio: "ignore" }); } catch { /* not mounted */ }
  rmSync(dir, { recursive: true, force: true });
});

describe("sign-in on a full disk", () => {
  it.skipIf(!isRoot)("fails with a storage error, not as a wrong password, and writes nothing", () => {
    const disk = join(dir, "disk");
    mkdirSync(disk);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk]);
    const db = openDb(join(disk, "epaper.db"));
    db.insert(users).values({ id: 1, email: "chief@linlan.example", passwordHash: "x" }).run();
    try { writeFileSync(join(disk, "filler"), Buffer.alloc(4 * 1024 * 1024)); } catch { /* full now */ }
    let error: unknown = null;
    try {
      for (let i = 0; i < 2000; i++) createSession(1, db);
    } catch (e) {
      error = e;
    }
    expect(storageFailure(error)).toBe("full");
    let throttleError: unknown = null;
    try {
      for (let i = 0; i < 2000; i++) beginSigninAttempt(signinKeys(`a${i}@linlan.example`, "10.0.0.1"), { email: "a", address: "10.0.0.1" }, Date.now(), db);
    } catch (e) {
      throttleError = e;
    }
    expect(storageFailure(throttleError)).toBe("full");
    const before = db.select().from(sessions).all().length;
    expect(() => createSession(1, db)).toThrow();
    expect(db.select().from(sessions).all().length).toBe(before);
    (db as unknown as { $client: { close(): void } }).$client.close();
  });
});
