import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// Debian's Chromium unless told otherwise (docs/contracts.md: CHROMIUM_PATH, then /usr/bin/chromium).
// Each port gets its own database, so two runs side by side never share one.
process.env.E2E_DATA_DIR ??= `test-results/e2e-data-${PORT}`;
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR;
const chromium = process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1, // two cores: one browser beside the server
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--disable-gpu", "--no-sandbox"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A fresh database and a fresh production build every run.
    command: `node scripts/e2e-server.mjs ${PORT} ${E2E_DATA_DIR}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
