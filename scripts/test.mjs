// `npm test`: unit tests (vitest, real SQLite), then browser tests (Playwright in Chromium against
// the production build). Ends with one line "tests: N passed, M failed" summing both.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const e2eOnly = process.argv.includes("--e2e-only");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const out = "test-results";
mkdirSync(out, { recursive: true });
let passed = 0;
let failed = 0;

function run(cmd, args, extraEnv = {}) {
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

if (!e2eOnly) {
  rmSync(`${out}/vitest.json`, { force: true });
  const status = run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest.json`]);
  if (existsSync(`${out}/vitest.json`)) {
    const r = JSON.parse(readFileSync(`${out}/vitest.json`, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  } else if (status !== 0) failed += 1;
}

/** docs/contracts.md: CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's own; else install one. */
function findChromium() {
  for (const p of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (p && existsSync(p)) return p;
  return null;
}
let chromium = findChromium();
if (!chromium) {
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("npm test: no Chromium found; installing Debian's chromium and fonts-noto-cjk with apt-get …");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-noto-cjk"], { DEBIAN_FRONTEND: "noninteractive" });
  } else {
    console.log("npm test: no Chromium found; trying Playwright's own download …");
    run(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"]);
  }
  chromium = findChromium();
}

rmSync(`${out}/e2e.json`, { force: true });
const e2eStatus = run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], {
  ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/e2e.json`,
});
if (existsSync(`${out}/e2e.json`)) {
  const s = JSON.parse(readFileSync(`${out}/e2e.json`, "utf8")).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  if (e2eStatus !== 0 && s.unexpected === 0) failed += 1; // e.g. the web server never came up
} else if (e2eStatus !== 0) failed += 1;

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
