// The browser tests' server: a production build serving a fresh demo database on its own port.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildIslands, ISLANDS_DIR } from "./islands.mjs";
import { cliArgs, serverArgs, serverEnv } from "./server-bundle.mjs";

const port = process.argv[2] || "3210";
const dir = process.argv[3] || `data/e2e-${port}`;
rmSync(dir, { recursive: true, force: true });
// One trusted proxy hop: a test that spends sign-in failures names its own client address in
// X-Forwarded-For, so the per-address budget of the browser's 127.0.0.1 is never used up by it,
// however often the specs run against one server. Requests without the header count as before.
const env = {
  ...serverEnv(), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", DATABASE_PATH: `${dir}/epaper.db`, PORT: port,
  TRUST_PROXY_HOPS: process.env.TRUST_PROXY_HOPS ?? "1",
  // Loopback only: the demo editor (its password is in the README) exists only where no other machine reaches it.
  LISTEN_HOST: "127.0.0.1",
};
const step = (args) => {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (process.env.E2E_SKIP_BUILD !== "1") {
  await buildIslands();
  step(["node_modules/next/dist/bin/next", "build"]);
} else if (!existsSync(join(ISLANDS_DIR, "manifest.json"))) {
  await buildIslands();
}
step([...(await cliArgs()), "setup"]);
const server = spawn(process.execPath, await serverArgs(), { stdio: "inherit", env: { ...env, PORT: port } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
