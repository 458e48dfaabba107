// `epaper access` and `epaper codes` as CONTRACTS.md writes them: a real process, a real file.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "epaper-readers-"));
const db = join(dir, "cli.db");

function epaper(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/epaper.ts", ...args], {
    encoding: "utf8", env: { ...process.env, DATABASE_PATH: db, EPAPER_SERVER_URL: "http://127.0.0.1:9" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function rows(sql: string): unknown[] {
  const sqlite = new Database(db, { readonly: true });
  try { return sqlite.prepare(sql).all(); } finally { sqlite.close(); }
}

beforeAll(() => {
  expect(epaper(["setup"]).code).toBe(0);
}, 60_000);

describe("epaper access", () => {
  it("sets a paper's policy and prints it", () => {
    const r = epaper(["access", "--paper", "linlan", "--policy", "archive", "--free-days", "3"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ paper: "linlan", policy: "archive", freeDays: 3 });
    const s = epaper(["access", "--paper", "linlan", "--policy", "subscribers", "--free-pages", "一版,A1"]);
    expect(JSON.parse(s.stdout)).toMatchObject({ policy: "subscribers", freePages: ["1", "A1"] });
    expect(rows("select action from audit_log where action = 'paper.access'")).toHaveLength(2);
  });
  it("refuses a bad policy, paper or number, and writes nothing", () => {
    const before = rows("select * from paper_access");
    for (const args of [
      ["--paper", "linlan", "--policy", "closed"],
      ["--paper", "nope", "--policy", "open"],
      ["--paper", "linlan", "--policy", "archive", "--free-days", "-1"],
      ["--paper", "linlan", "--policy", "open", "--free-days", "3"],
    ]) {
      const r = epaper(["access", ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^epaper access: /);
    }
    expect(rows("select * from paper_access")).toEqual(before);
  });
});

describe("epaper codes", () => {
  it("prints N codes, one per line, each stored once", () => {
    const r = epaper(["codes", "--paper", "linlan", "--count", "25", "--days", "365"]);
    expect(r.code).toBe(0);
    const codes = r.stdout.trim().split("\n");
    expect(codes).toHaveLength(25);
    expect(new Set(codes).size).toBe(25);
    for (const c of codes) expect(c).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(rows("select days from code_batches")).toEqual([{ days: 365 }]);
  });
  it("refuses a missing or silly count and writes nothing", () => {
    expect(epaper(["codes", "--paper", "linlan", "--days", "30"]).code).toBe(1);
    expect(epaper(["codes", "--paper", "linlan", "--count", "0", "--days", "30"]).code).toBe(1);
    expect(epaper(["codes", "--paper", "linlan", "--count", "5", "--days", "99999"]).code).toBe(1);
    expect(rows("select id from code_batches")).toHaveLength(1);
  });
});
