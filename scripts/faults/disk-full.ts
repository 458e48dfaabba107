// The disk holding the database fills up (a small tmpfs, filled with a file). Writes must fail
// with a clear answer and leave nothing half-written; readers go on being served; once space
// returns, the next write succeeds. Needs root (mount); reports "skipped" otherwise.
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { faultIssue, FAULT_PAPER } from "./issue";
import { cli, startServer } from "./servers";
import { tryWrite } from "./lock";

export type DiskFullResult =
  | { skipped: string }
  | {
      cliCode: number; cliMessage: string; halfWritten: boolean; integrity: string; readerStatus: number;
      write: { status: number; body: string }; afterCode: number; afterWrite: number; serverLog: string;
    };

function writeIssueFile(dir: string, i: number): string[] {
  const issue = faultIssue(i);
  return issue.pages.map((p) => {
    const file = join(dir, `p${i}-${p.label}.txt`);
    const text = p.pieces.map((x) => `${x.title}\n${x.paragraphs.join("\n")}`).join("\n\n");
    rmSync(file, { force: true });
    const fd = openSync(file, "w");
    writeSync(fd, text);
    closeSync(fd);
    return `${p.label}=${file}`;
  });
}

export async function diskFullCase(dir: string, port: number): Promise<DiskFullResult> {
  if (process.getuid?.() !== 0) return { skipped: "needs root to mount a tmpfs" };
  const mnt = join(dir, "small-disk");
  mkdirSync(mnt, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=12m", "tmpfs", mnt]);
  } catch (e) {
    return { skipped: `mount failed: ${(e as Error).message.split("\n")[0]}` };
  }
  const texts = join(dir, "texts");
  mkdirSync(texts, { recursive: true });
  const dbPath = join(mnt, "epaper.db");
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    // setup writes the server's secret beside the database; without it next-auth cannot sign anyone in.
    const setup = cli(dbPath, ["setup"], { EPAPER_DEMO: "0" });
    if (setup.code !== 0) throw new Error(`faults: setup failed: ${setup.stderr}`);
    const first = cli(dbPath, ["import", "--paper", FAULT_PAPER.slug, "--date", faultIssue(0).date, "--publish", ...writeIssueFile(texts, 0)], { EPAPER_DEMO: "0" });
    if (first.code !== 0) throw new Error(`faults: import before filling failed: ${first.stderr}`);
    server = await startServer(dbPath, port, { EPAPER_DEMO: "0" });
    const readerUrl = `http://127.0.0.1:${port}/${FAULT_PAPER.slug}/${faultIssue(0).date}`;
    // A server that has run a while has signed someone in (and so written its secret) and served
    // its pages; a secret first written on a full disk is another defect (see bench/faults.md).
    await tryWrite(port);
    await fetch(readerUrl).then((r) => r.text());
    // Fill the disk.
    const filler = join(mnt, "filler");
    const fd = openSync(filler, "w");
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // ENOSPC: full
    }
    closeSync(fd);
    const full = cli(dbPath, ["import", "--paper", FAULT_PAPER.slug, "--date", faultIssue(1).date, ...writeIssueFile(texts, 1)]);
    // Twice at most: a kept-alive connection the server closed while the CLI ran fails once.
    const readerStatus = await fetch(readerUrl).then((r) => r.status, () => fetch(readerUrl).then((r) => r.status, () => 0));
    const write = await tryWrite(port).catch((e) => ({ status: 0, body: `no answer: ${(e as Error).message}; server: ${server!.log().slice(-300)}` }));
    const db = new Database(dbPath, { readonly: true });
    const integrity = db.pragma("integrity_check", { simple: true }) as string;
    const halfWritten = !!db.prepare("select 1 from issues where date = ?").get(faultIssue(1).date);
    db.close();
    rmSync(filler);
    const after = cli(dbPath, ["import", "--paper", FAULT_PAPER.slug, "--date", faultIssue(1).date, ...writeIssueFile(texts, 1)]);
    const afterWrite = await tryWrite(port).then((r) => r.status, () => 0);
    return {
      cliCode: full.code, cliMessage: full.stderr.trim().split("\n").at(-1) ?? "", halfWritten, integrity, readerStatus,
      write: { status: write.status, body: write.body }, afterCode: after.code, afterWrite, serverLog: server.log().slice(-4000),
    };
  } finally {
    await server?.stop();
    try {
      execFileSync("umount", [mnt]);
    } catch {
      execFileSync("umount", ["-l", mnt]);
    }
  }
}
