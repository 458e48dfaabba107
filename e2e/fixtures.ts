// What each browser test gets of its own, so that no test depends on another's data, on the
// order they run in, on a retry's leftovers or on today's date:
//  - `cli`: the newsroom's command line against the server's own database;
//  - `editor` / `admin`: an account made through `epaper user add` for this spec file in this
//    worker (a retry runs in a new worker, so it gets new ones); `ownEditor`: one for this test
//    alone, for a test that changes the account itself (its password, disabling it);
//  - `issueDate`: an issue date of the demo paper that no issue has yet, unique to this attempt,
//    in the years 2001-2020: older than the demo's issues, so it never becomes the paper's latest
//    issue (home page, feed), and in the past whatever the machine's clock says;
//  - `publishedIssue`: a one-page published issue at such a date, imported through the CLI.
import { test as base, expect } from "@playwright/test";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export { expect };

export const DEMO_PAPER = { slug: "linlan", name: "临澜日报" };

export type Account = { email: string; password: string };
export type Cli = (args: string[], input?: string) => unknown;
export type PublishedIssue = { date: string; title: string; articleId: number; path: string };

const CLI_BUDGET_MS = 20_000;

const databasePath = () => `${process.env.E2E_DATA_DIR}/epaper.db`;

/** A token unique to this test attempt (retries and --repeat-each included) and this run. */
function uniqueToken(): string {
  return randomBytes(5).toString("hex");
}

function runCli(baseURL: string, args: string[], input?: string): unknown {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/epaper.ts", ...args], {
    encoding: "utf8",
    input,
    // The server's own database, and its address for the cache refresh.
    env: { ...process.env, DATABASE_PATH: databasePath(), EPAPER_SERVER_URL: baseURL },
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`epaper ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim() ? JSON.parse(r.stdout) : null;
}

/** Dates of the demo paper already taken, read from the server's database. */
function takenDates(): Set<string> {
  const db = new Database(databasePath(), { readonly: true, fileMustExist: true });
  try {
    return new Set(db.prepare("select i.date from issues i join papers p on p.id = i.paper_id where p.slug = ?").pluck().all(DEMO_PAPER.slug) as string[]);
  } finally {
    db.close();
  }
}

function freeDate(): string {
  const taken = takenDates();
  const first = Date.UTC(2001, 0, 1);
  const days = 20 * 365;
  // A random start keeps two runs against the same server apart; the probe makes it certain.
  const start = randomBytes(4).readUInt32BE() % days;
  for (let i = 0; i < days; i++) {
    const date = new Date(first + ((start + i) % days) * 86_400_000).toISOString().slice(0, 10);
    if (!taken.has(date)) return date;
  }
  throw new Error("no free issue date left between 2001 and 2020");
}

function writePage(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "banmian-e2e-")), "1.txt");
  writeFileSync(file, text);
  return file;
}

type Fixtures = {
  cli: Cli;
  editor: Account;
  admin: Account;
  ownEditor: Account;
  issueDate: string;
  publishedIssue: PublishedIssue;
  /** Writes page text to a temporary file for `cli(["import", …, `1=${file}`])`. */
  pageFile: (text: string) => string;
};

function addAccount(cli: Cli, role: "editor" | "admin"): Account {
  const account = { email: `${role}-${uniqueToken()}@e2e.example`, password: `${role}-pass-${uniqueToken()}` };
  cli(["user", "add", "--email", account.email, "--role", role], account.password);
  return account;
}

type WorkerFixtures = { specAccounts: Map<string, Account> };

export const test = base.extend<Fixtures, WorkerFixtures>({
  // Accounts by spec file and role, for this worker's life. A CLI call costs seconds on a loaded
  // machine: one per spec, not one per test.
  specAccounts: [async ({}, use) => {
    await use(new Map());
  }, { scope: "worker" }],
  cli: async ({ baseURL }, use, testInfo) => {
    await use((args, input) => {
      // A CLI call starts a Node process (seconds on a loaded machine): it brings its own time.
      testInfo.setTimeout(testInfo.timeout + CLI_BUDGET_MS);
      return runCli(baseURL!, args, input);
    });
  },
  editor: async ({ cli, specAccounts }, use, testInfo) => {
    const key = `${testInfo.file}:editor`;
    if (!specAccounts.has(key)) specAccounts.set(key, addAccount(cli, "editor"));
    await use(specAccounts.get(key)!);
  },
  admin: async ({ cli, specAccounts }, use, testInfo) => {
    const key = `${testInfo.file}:admin`;
    if (!specAccounts.has(key)) specAccounts.set(key, addAccount(cli, "admin"));
    await use(specAccounts.get(key)!);
  },
  ownEditor: async ({ cli }, use) => {
    await use(addAccount(cli, "editor"));
  },
  issueDate: async ({}, use) => {
    await use(freeDate());
  },
  pageFile: async ({}, use) => {
    await use(writePage);
  },
  publishedIssue: async ({ cli, issueDate }, use) => {
    const title = `测试稿件${uniqueToken()}`;
    const file = writePage(`${title}\n本报记者 测试\n本报讯 这是一篇只为本次测试导入的稿件，正文共有两段。\n第二段在这里，说的是测试数据各归各的。\n`);
    cli(["import", "--paper", DEMO_PAPER.slug, "--date", issueDate, "--publish", `1=${file}`]);
    const db = new Database(databasePath(), { readonly: true, fileMustExist: true });
    const articleId = db.prepare(
      `select a.id from articles a join issues i on i.id = a.issue_id join papers p on p.id = i.paper_id
       where p.slug = ? and i.date = ? order by a.id limit 1`,
    ).pluck().get(DEMO_PAPER.slug, issueDate) as number;
    db.close();
    await use({ date: issueDate, title, articleId, path: `/${DEMO_PAPER.slug}/${issueDate}` });
  },
});
