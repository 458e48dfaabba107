// Measurements that live in scripts of their own, run by the bench when they are in the tree
// and reported in the same results: the import of print PDFs (bench/pdf-import.ts) and the
// reader's phone budgets with Lighthouse (bench/lighthouse.ts). Each runs as a child process and
// prints its own table or summary; a missing script or a failure is reported, not fatal.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

export type Extra = { name: string; markdown: string };

function runScript(script: string, args: string[], timeoutMs: number): Promise<{ ok: boolean; out: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], {
      cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || "/usr/bin/chromium" },
    });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => p.kill("SIGKILL"), timeoutMs);
    p.on("close", (code) => {
      clearTimeout(timer);
      done({ ok: code === 0, out: code === 0 ? out : `${out}\n${err}`.trim().split("\n").slice(-5).join("\n") });
    });
  });
}

/** Print-PDF import: its summary line and the figures of its JSON last line. */
export async function pdfImport(quick: boolean): Promise<Extra | null> {
  const script = join("bench", "pdf-import.ts");
  if (!existsSync(join(ROOT, script))) return null;
  const r = await runScript(script, quick ? ["--quick"] : [], 10 * 60_000);
  const lines = r.out.trim().split("\n");
  if (!r.ok) return { name: "Import of print PDFs", markdown: `Failed:\n\n\`\`\`\n${r.out}\n\`\`\`` };
  const summary = lines.find((l) => l.startsWith("pdf import:")) ?? "";
  let table = "";
  try {
    const j = JSON.parse(lines[lines.length - 1]);
    table = ["", "| pages | MB | seconds | read per page (mean/max ms) | CPU s | peak MB | articles | jumps |", "|---:|---:|---:|---:|---:|---:|---:|---:|",
      `| ${j.pages} | ${j.megabytes} | ${j.seconds} | ${j.readMsPerPage?.mean}/${j.readMsPerPage?.max} | ${j.cpuSeconds} | ${j.peakMemoryMb} | ${j.articles} | ${j.jumpsLinked} |`].join("\n");
  } catch {
    // The summary line says it.
  }
  return { name: "Import of print PDFs", markdown: `${summary.replace(/^pdf import: /, "")}\n${table}` };
}

/** Lighthouse against the running app: its own budgets table. */
export async function lighthouse(base: string, runs: number): Promise<Extra | null> {
  const script = join("bench", "lighthouse.ts");
  if (!existsSync(join(ROOT, script))) return null;
  const r = await runScript(script, ["--base", base, "--runs", String(runs)], 15 * 60_000);
  return { name: "Reader budgets (Lighthouse, page weight)", markdown: r.ok ? r.out.trim() : `Failed:\n\n\`\`\`\n${r.out}\n\`\`\`` };
}
