// SIGKILL in the middle of imports and publishes: every write the writer acknowledged must be in
// the database afterwards, whole (an issue has all its pages or does not exist), and SQLite's
// integrity check must pass after every round.
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { PAGES_PER_ISSUE, PIECES_PER_PAGE } from "./issue";
import { ROOT, baseEnv, setupDb, sleep } from "./servers";

export type KillResult = { rounds: number; acknowledged: number; lost: number; halfWritten: number; integrityFailures: number };

function runRound(dbPath: string, start: number, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    // One process (tsx's loader, not its CLI, which would leave the writer running as a child).
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/faults/writer.ts", dbPath, String(start)], {
      cwd: ROOT, env: baseEnv(dbPath), stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout!.on("data", (d) => {
      const before = out;
      out += d;
      if (!before.includes("ready\n") && out.includes("ready\n")) setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    });
    child.on("exit", () => resolve(out.split("\n").filter((l) => l.startsWith("ack "))));
  });
}

export async function killWrites(dir: string, rounds: number): Promise<KillResult> {
  const dbPath = setupDb(dir);
  const result: KillResult = { rounds, acknowledged: 0, lost: 0, halfWritten: 0, integrityFailures: 0 };
  for (let r = 0; r < rounds; r++) {
    // Spread the kill over the first few transactions, so that some land mid-commit.
    const acks = await runRound(dbPath, r * 1000, 200 + Math.floor(Math.random() * 2500));
    result.acknowledged += acks.length;
    const db = new Database(dbPath);
    if (db.pragma("integrity_check", { simple: true }) !== "ok") result.integrityFailures++;
    const status = db.prepare("select i.status from issues i join papers p on p.id = i.paper_id where p.slug = 'faults' and i.date = ?").pluck();
    for (const ack of acks) {
      const [, op, date] = ack.split(" ");
      const s = status.get(date) as string | undefined;
      if (s === undefined || (op === "publish" && s !== "published")) result.lost++;
    }
    const shapes = db.prepare(`select i.date, (select count(*) from pages where issue_id = i.id) as pages,
      (select count(*) from pieces pc join pages pg on pg.id = pc.page_id where pg.issue_id = i.id) as pieces
      from issues i join papers p on p.id = i.paper_id where p.slug = 'faults'`).all() as { pages: number; pieces: number }[];
    result.halfWritten = shapes.filter((s) => s.pages !== PAGES_PER_ISSUE || s.pieces !== PAGES_PER_ISSUE * PIECES_PER_PAGE).length;
    db.close();
    await sleep(20);
  }
  return result;
}
