// `npm start`: build when needed, migrate and seed the demo paper into an empty database, serve.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(".next/BUILD_ID")) {
  console.log("banmian: no production build yet; building (about a minute) …");
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
}
run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/epaper.ts", "setup"]);

const port = process.env.PORT || "3000";
const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { stdio: "inherit", env: { ...env, PORT: port } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
