// `npm start`: build when needed, migrate and seed the demo paper into an empty database, serve.
// A restart must be quick (bench: under 3 s to the first page), so the seeding step (a process of
// its own that runs the CLI, bundled like the server) runs only when the database holds no paper
// yet; the server applies pending migrations itself when it opens the database.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { buildIslands, ISLANDS_DIR } from "./islands.mjs";
import { cliArgs, serverArgs, serverEnv } from "./server-bundle.mjs";

const env = { ...serverEnv(), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

/** True when the database already holds a paper (or the demo is off): nothing to seed. */
function nothingToSeed() {
  if (process.env.EPAPER_DEMO === "0") return true;
  const path = resolve(process.env.DATABASE_PATH || "./data/epaper.db");
  if (!existsSync(path)) return false;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("select count(*) from papers").pluck().get() ?? 0) > 0;
    } finally {
      db.close();
    }
  } catch {
    // No papers table yet, or a file we cannot read: the full setup step says what is wrong.
    return false;
  }
}

if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) {
  console.log("banmian: no production build yet; building (one to three minutes) …");
  await buildIslands();
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
} else if (!existsSync(join(ISLANDS_DIR, "manifest.json"))) {
  await buildIslands();
}
if (!nothingToSeed()) run(process.execPath, [...(await cliArgs()), "setup"]);

const port = process.env.PORT || "3000";
const server = spawn(process.execPath, await serverArgs(), { stdio: "inherit", env: { ...env, PORT: port } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
