// The newsroom's command line. See ../README.md and ../docs/contracts.md: errors go to stderr as one
// line with a non-zero exit, results to stdout as JSON, and a failed command writes nothing.
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { getDb } from "../db/client";
import { importIssueAudited, type UncertainLink } from "../db/queries/imports";
import { changeIssueStatus, EditError } from "../db/queries/edit-issues";
import { listUncertainLinksForEdit } from "../db/queries/edit-jumps";
import { createUserAudited } from "../db/queries/edit-users";
import { isEmpty, seedDemo, DEMO_EDITOR } from "../db/seed";
import { UserExistsError } from "../db/queries/users";
import { AppError } from "../lib/errors";
import { hashPassword, passwordProblem } from "../lib/auth/passwords";
import { ROLES, type Role } from "../db/schema";
import { isIssueDate } from "../lib/dates";
import { normalizeLabel } from "../lib/labels";
import { isPaperSlug } from "../lib/slugs";
import { parsePage } from "../lib/parser";
import { isPdfFile, parsePdfFile } from "../lib/pdf/cli";
import { PdfReadError } from "../lib/pdf/index";
import { decodeText, DecodeError } from "../lib/text-decode";
import { demoEditorDecision } from "../lib/auth/demo-editor";
import { ArchiveUsageError, GENERATE_ARCHIVE_USAGE, runGenerateArchive } from "../bench/archive/command";
import { accessCommand, codesCommand, READER_USAGE, ReaderCommandError } from "./reader-commands";
import { MAX_PDF_BYTES, MAX_PDF_LABEL, preparePdfFiles, type PdfFile } from "../lib/pdf-import";
import type { PageInput } from "../lib/import-types";

/** A usage or input mistake: its message is printed as is. */
export class CliError extends AppError {
  constructor(message: string) { super("invalid", message); }
}

const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Reads a page file (text or PDF), refusing what is not a readable file or is too large. */
function readInputFile(file: string, limit = MAX_INPUT_BYTES, limitName = "20 MB"): Buffer {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new CliError(`${file}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: no such file`);
  }
  const pdfLimit = /\.pdf$/i.test(file) ? MAX_PDF_BYTES : limit;
  if (size > pdfLimit) throw new CliError(`${file}: too large (${size} bytes; the limit is ${pdfLimit === limit ? limitName : MAX_PDF_LABEL})`);
  return readFileSync(file);
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

function decodePageText(file: string, bytes: Buffer): string {
  try {
    return decodeText(bytes);
  } catch (e) {
    if (e instanceof DecodeError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}

/** Reads and decodes a page-text file, refusing what cannot be page text. */
export function readPageText(file: string): string {
  return decodePageText(file, readInputFile(file));
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
    const result = changeIssueStatus({ paperSlug: paper, date, status, via: "cli" }, null);
    // No refresh call: servers follow the database within a second (server/content-watch.ts).
    const uncertain = status === "published" ? listUncertainLinksForEdit(result.issueId) : [];
    warnUncertain(uncertain);
    return { paper, date, status: result.status, previous: result.previous, ...(status === "published" ? { uncertainLinks: uncertain } : {}) };
  } catch (e) {
    if (e instanceof EditError) throw new CliError(`no issue of ${paper} on ${date}`);
    throw e;
  }
}

/** Links made by reading order alone: readers may be shown a wrongly stitched story until checked. */
function warnUncertain(links: UncertainLink[]) {
  if (links.length === 0) return;
  process.stderr.write(`epaper: warning: ${links.length} jump link(s) were made by reading order alone and are not confirmed; check them on the issue page of the back office:\n`);
  for (const l of links) process.stderr.write(`  page ${l.from} → page ${l.to}: ${l.title ?? "(untitled)"}${l.headline ? ` / ${l.headline}` : ""}\n`);
}

type Command = (args: string[]) => Promise<unknown> | unknown;

function readerCommand<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ReaderCommandError || e instanceof RangeError) throw new CliError(e.message);
    throw e;
  }
}


async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("password: ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const commands: Record<string, Command> = {
  async parse(args) {
    const { values, positionals } = parseArgs({ args, options: { page: { type: "string" } }, allowPositionals: true });
    if (positionals.length !== 1) throw new CliError("usage: epaper parse FILE --page LABEL");
    const page = requireLabel(values.page);
    if (isPdfFile(positionals[0])) {
      try {
        return await parsePdfFile(positionals[0], page);
      } catch (e) {
        if (e instanceof PdfReadError) throw new CliError(`${positionals[0]}: ${e.message}`);
        throw e;
      }
    }
    const text = readPageText(positionals[0]);
    return parsePage(text, page);
  },

  async import(args) {
    const { values, positionals } = parseArgs({
      args, options: { ...issueOptions, publish: { type: "boolean", default: false }, name: { type: "string" } },
      allowPositionals: true,
    });
    const { paper, date } = requireIssueArgs(values);
    if (positionals.length === 0) throw new CliError("name at least one page as LABEL=FILE, or give an issue's PDF");
    const seen = new Set<string>();
    const named = (label: string, file: string) => {
      if (seen.has(label)) throw new CliError(`page ${label} is named twice${file ? ` (${file})` : ""}`);
      seen.add(label);
    };
    // Read and parse every page before writing anything.
    const texts: PageInput[] = [];
    const pdfs: PdfFile[] = [];
    for (const arg of positionals) {
      const eq = arg.indexOf("=");
      const file = eq > 0 ? arg.slice(eq + 1) : arg;
      const label = eq > 0 ? requireLabel(arg.slice(0, eq)) : null;
      const bytes = readInputFile(file);
      if (isPdf(bytes) || /\.pdf$/i.test(file)) {
        if (label) named(label, file);
        pdfs.push({ name: file, label, bytes });
        continue;
      }
      if (!label) throw new CliError(`expected LABEL=FILE for a text page, got ${JSON.stringify(arg)}`);
      named(label, file);
      const parsed = parsePage(decodePageText(file, bytes), label);
      if (parsed.articles.length === 0) throw new CliError(`${file}: no article text found`);
      texts.push({ label, pieces: parsed.articles, keepEdits: true });
    }
    const started = Date.now();
    const prepared = pdfs.length ? await preparePdfFiles(pdfs, { taken: [...seen] }) : { pages: [], failed: [] };
    // A failed command writes nothing: one bad file stops the import (the back office's drop goes on without it).
    if (prepared.failed.length) throw new CliError(prepared.failed.map((f) => f.message).join("; "));
    for (const p of prepared.pages) if (!pdfs.some((f) => f.name === p.file && f.label)) named(p.input.label, p.file);
    const summary = importIssueAudited({
      paper: { slug: paper, name: values.name }, date, publish: values.publish,
      pages: [...texts, ...prepared.pages.map((p) => p.input)],
    }, null);
    warnUncertain(summary.jumps.uncertain);
    return pdfs.length ? { ...summary, seconds: Math.round((Date.now() - started) / 100) / 10 } : summary;
  },

  publish: (args) => changeStatus(args, "published"),
  unpublish: (args) => changeStatus(args, "draft"),

  /** Migrates the database and seeds the demo paper into an empty one (used by `npm start`). */
  async setup() {
    const db = getDb();
    if (process.env.EPAPER_DEMO !== "0" && isEmpty(db)) {
      // The demo editor's password is printed in the README: only where no other machine reaches it.
      const demo = demoEditorDecision();
      // Hash first: seeding is one synchronous transaction.
      const passwordHash = demo.allowed ? await hashPassword(DEMO_EDITOR.password) : null;
      if (!demo.allowed) process.stderr.write(`epaper: the demo editor account was not created: ${demo.reason}\n`);
      const summaries = seedDemo(db, passwordHash);
      return { seeded: summaries.map((s) => ({ date: s.date, pages: s.pages.length, articles: s.articles, jumps: s.jumps.linked.length })) };
    }
    return { seeded: [] };
  },

  /** A deterministic synthetic archive (benchmarks, load tests): see bench/archive. */
  async "generate-archive"(args) {
    try {
      return await runGenerateArchive(args);
    } catch (e) {
      if (e instanceof ArchiveUsageError) throw new CliError(e.message);
      throw e;
    }
  },

  async access(args) {
    // Cached pages follow: a policy change moves the content stamp (migration 0007).
    return readerCommand(() => accessCommand(args));
  },

  codes(args) {
    const codes = readerCommand(() => codesCommand(args));
    process.stdout.write(codes.join("\n") + "\n");
    return undefined;
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
      const user = createUserAudited({ email, name: values.name ?? null, passwordHash: await hashPassword(password), role: values.role as Role, via: "cli" }, null);
      return { id: user.id, email: user.email, role: user.role };
    } catch (e) {
      if (e instanceof UserExistsError) throw new CliError(`a user with email ${email} already exists`);
      throw e;
    }
  },
};

const USAGE = `usage: epaper <command>
  parse FILE --page LABEL                      print the parsed page as JSON (FILE.pdf: with zones)
  import --paper SLUG --date YYYY-MM-DD [--publish] LABEL=FILE … | ISSUE.pdf …
  publish --paper SLUG --date YYYY-MM-DD
  unpublish --paper SLUG --date YYYY-MM-DD
  user add --email EMAIL --role admin|editor   (password on stdin)
  ${READER_USAGE}
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
    // An expected failure (AppError) says what to fix; anything else is a bug and says so.
    const message = e instanceof AppError || (e as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
      ? (e as Error).message
      : `unexpected error: ${(e as Error).message}`;
    process.stderr.write(`epaper ${name}: ${message.split("\n")[0]}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
