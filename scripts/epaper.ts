// The newsroom's command line. See ../README.md and CONTRACTS: errors go to stderr as one
// line with a non-zero exit, results to stdout as JSON, and a failed command writes nothing.
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { getDb } from "../db/client";
import { importIssue } from "../db/queries/imports";
import { setIssueStatus, IssueNotFoundError } from "../db/queries/issues";
import { isEmpty, seedDemo, DEMO_EDITOR } from "../db/seed";
import { createUser, UserExistsError } from "../db/queries/users";
import { hashPassword, passwordProblem } from "../lib/auth/passwords";
import { ROLES, type Role } from "../db/schema";
import { isIssueDate } from "../lib/dates";
import { normalizeLabel } from "../lib/labels";
import { isPaperSlug } from "../lib/slugs";
import { parsePage } from "../lib/parser";
import { decodeText, DecodeError } from "../lib/text-decode";
import { ArchiveUsageError, GENERATE_ARCHIVE_USAGE, runGenerateArchive } from "../lib/archive/command";

export class CliError extends Error {}

const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Reads and decodes a page-text file, refusing what cannot be page text. */
export function readPageText(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new CliError(`${file}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: no such file`);
  }
  if (size > MAX_INPUT_BYTES) throw new CliError(`${file}: too large (${size} bytes; the limit is 20 MB)`);
  try {
    return decodeText(readFileSync(file));
  } catch (e) {
    if (e instanceof DecodeError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}

function requireLabel(raw: string | undefined): string {
  const label = normalizeLabel(raw);
  if (!label) throw new CliError(`bad page label ${JSON.stringify(raw ?? "")}: expected 1, 三版, 第3版 or A3`);
  return label;
}

function requireIssueArgs(values: { paper?: string; date?: string }) {
  if (!values.paper) throw new CliError("--paper SLUG is required");
  if (!isPaperSlug(values.paper)) throw new CliError(`bad paper slug ${JSON.stringify(values.paper)}: lower-case letters, digits and hyphens, not a reserved word`);
  if (!values.date) throw new CliError("--date YYYY-MM-DD is required");
  if (!isIssueDate(values.date)) throw new CliError(`bad date ${JSON.stringify(values.date)}: expected a real calendar date as YYYY-MM-DD`);
  return { paper: values.paper, date: values.date };
}

const issueOptions = { paper: { type: "string" }, date: { type: "string" } } as const;

async function changeStatus(args: string[], status: "published" | "draft") {
  const { values } = parseArgs({ args, options: issueOptions });
  const { paper, date } = requireIssueArgs(values);
  try {
    const result = setIssueStatus({ paperSlug: paper, date, status });
    // No refresh call: servers follow the database within a second (server/content-watch.ts).
    return { paper, date, status: result.status, previous: result.previous };
  } catch (e) {
    if (e instanceof IssueNotFoundError) throw new CliError(e.message);
    throw e;
  }
}

type Command = (args: string[]) => Promise<unknown> | unknown;

/** True when AUTH_URL names an origin other than this machine. */
function isPublicOrigin(authUrl: string | undefined): boolean {
  if (!authUrl) return false;
  try {
    return !["localhost", "127.0.0.1", "[::1]"].includes(new URL(authUrl).hostname);
  } catch {
    return true;
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("password: ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const commands: Record<string, Command> = {
  parse(args) {
    const { values, positionals } = parseArgs({ args, options: { page: { type: "string" } }, allowPositionals: true });
    if (positionals.length !== 1) throw new CliError("usage: epaper parse FILE --page LABEL");
    const page = requireLabel(values.page);
    const text = readPageText(positionals[0]);
    return parsePage(text, page);
  },

  async import(args) {
    const { values, positionals } = parseArgs({
      args, options: { ...issueOptions, publish: { type: "boolean", default: false }, name: { type: "string" } },
      allowPositionals: true,
    });
    const { paper, date } = requireIssueArgs(values);
    if (positionals.length === 0) throw new CliError("name at least one page as LABEL=FILE");
    const seen = new Set<string>();
    // Read and parse every page before writing anything.
    const pages = positionals.map((arg) => {
      const eq = arg.indexOf("=");
      if (eq <= 0) throw new CliError(`expected LABEL=FILE, got ${JSON.stringify(arg)}`);
      const label = requireLabel(arg.slice(0, eq));
      if (seen.has(label)) throw new CliError(`page ${label} is named twice`);
      seen.add(label);
      const text = readPageText(arg.slice(eq + 1));
      const parsed = parsePage(text, label);
      if (parsed.articles.length === 0) throw new CliError(`${arg.slice(eq + 1)}: no article text found`);
      return { label, pieces: parsed.articles };
    });
    const summary = importIssue({ paper: { slug: paper, name: values.name }, date, publish: values.publish, pages });
    return summary;
  },

  publish: (args) => changeStatus(args, "published"),
  unpublish: (args) => changeStatus(args, "draft"),

  /** Migrates the database and seeds the demo paper into an empty one (used by `npm start`). */
  async setup() {
    const db = getDb();
    if (process.env.EPAPER_DEMO !== "0" && isEmpty(db)) {
      // The demo editor's password is printed in the README: never create it on a public site.
      const publicSite = isPublicOrigin(process.env.AUTH_URL);
      // Hash first: seeding is one synchronous transaction.
      const passwordHash = publicSite ? null : await hashPassword(DEMO_EDITOR.password);
      if (publicSite) process.stderr.write("epaper: AUTH_URL is a public origin, so the demo editor account was not created\n");
      const summaries = seedDemo(db, passwordHash);
      return { seeded: summaries.map((s) => ({ date: s.date, pages: s.pages.length, articles: s.articles, jumps: s.jumps.linked.length })) };
    }
    return { seeded: [] };
  },

  /** A deterministic synthetic archive (benchmarks, load tests): see lib/archive. */
  async "generate-archive"(args) {
    try {
      return await runGenerateArchive(args);
    } catch (e) {
      if (e instanceof ArchiveUsageError) throw new CliError(e.message);
      throw e;
    }
  },

  async user(args) {
    const [sub, ...rest] = args;
    if (sub !== "add") throw new CliError("usage: epaper user add --email EMAIL --role admin|editor  (password on stdin)");
    const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } } });
    const email = values.email?.trim().toLowerCase();
    if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) throw new CliError("--email must be an email address");
    if (!ROLES.includes(values.role as Role)) throw new CliError("--role must be admin or editor");
    const password = (await readStdin()).replace(/\r?\n$/, "");
    const problem = passwordProblem(password);
    if (problem) throw new CliError(`password on stdin: ${problem}`);
    try {
      const user = createUser({ email, name: values.name ?? null, passwordHash: await hashPassword(password), role: values.role as Role });
      return { id: user.id, email: user.email, role: user.role };
    } catch (e) {
      if (e instanceof UserExistsError) throw new CliError(e.message);
      throw e;
    }
  },
};

const USAGE = `usage: epaper <command>
  parse FILE --page LABEL                      print the parsed page as JSON
  import --paper SLUG --date YYYY-MM-DD [--publish] LABEL=FILE …
  publish --paper SLUG --date YYYY-MM-DD
  unpublish --paper SLUG --date YYYY-MM-DD
  user add --email EMAIL --role admin|editor   (password on stdin)
  ${GENERATE_ARCHIVE_USAGE}`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write((name ? `epaper: unknown command ${name}\n` : "") + USAGE + "\n");
    return 2;
  }
  try {
    const result = await command(rest);
    if (result !== undefined) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return 0;
  } catch (e) {
    const message = e instanceof CliError || (e as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
      ? (e as Error).message
      : `unexpected error: ${(e as Error).message}`;
    process.stderr.write(`epaper ${name}: ${message.split("\n")[0]}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
