import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// Debian's Chromium unless told otherwise (docs/contracts.md: CHROMIUM_PATH, then /usr/bin/chromium).
// Each port gets its own database, so two runs side by side never share one.
// Not under test-results/, which Playwright empties at the start of a run (a reused server keeps its files).
process.env.E2E_DATA_DIR ??= `data/e2e-${PORT}`;
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR;
const chromium = process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1, // two cores: one browser beside the server
  retries: process.env.CI ? 1 : 0,
  // Headroom for a loaded two-core machine (the browser, the server and a build elsewhere): a
  // reader page once took 30 s there. Tests wait for conditions, never for time, so a long
  // timeout costs nothing when all is well.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: chromium,
      args: ["--disable-gpu", "--no-sandbox"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A fresh database and a fresh production build every run. E2E_REUSE_SERVER=1 runs the
    // specs against a server already listening on the port (started with the same command):
    // each test makes its own data, so a second run against the same database must pass too.
    command: `node scripts/e2e-server.mjs ${PORT} ${E2E_DATA_DIR}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    stderr: "pipe",
  },
});
