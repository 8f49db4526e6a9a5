// End-to-end tests (tests/e2e/*.spec.ts) against the REAL app, started exactly the way `npm start` starts it
// (scripts/start.ts: migrations, demo seed, `next build` when stale, `next start` plus its sidecars), on
// SQLite in a throw-away data folder created for this run.
//
//   npx playwright test                          every spec
//   npx playwright test tests/e2e/auth.spec.ts   one spec (add -g "title" for one test)
//   LACUNA_E2E_KEEP=1 npx playwright test        keep the run's data folder (its path is printed)
//
// The server listens on 127.0.0.1:3100 (LACUNA_E2E_PORT to move it), the grader's control port is 3902
// (LACUNA_GRADER_PORT). Sign-in helpers for every spec live in tests/e2e/helpers/auth.ts.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.LACUNA_E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// The config is evaluated again in every worker process; the runner's choice travels to them through the
// environment (workers inherit it), so the whole run shares one data folder and one server.
// The process that creates the folder (the runner) removes it when it exits, whether the run passed, failed
// or the server never started; LACUNA_E2E_KEEP=1 keeps it for a post-mortem.
if (!process.env.LACUNA_E2E_DATA_DIR) {
  const created = mkdtempSync(path.join(os.tmpdir(), "lacuna-e2e-"));
  process.env.LACUNA_E2E_DATA_DIR = created;
  process.once("exit", () => {
    if (process.env.LACUNA_E2E_KEEP === "1") console.log(`[e2e] kept the run's data folder: ${created}`);
    else rmSync(created, { recursive: true, force: true });
  });
}
const dataDir = process.env.LACUNA_E2E_DATA_DIR;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // Per run, because Playwright empties its output folder at start and two engineers' runs in one work tree
  // would delete each other's traces mid-test.
  outputDir: path.join("test-results", path.basename(dataDir)),
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One worker in CI (2 cores shared with the server, the grader and Chromium); specs use their own accounts,
  // so two locally is safe.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  // A test's whole budget, for a loaded 2-core machine: the multi-person cohort flows took 38–55 s of a 60 s budget
  // in a quiet local CI run, and one ran out. Stuck steps are still caught by the action, navigation and expect
  // timeouts below; this only has to outlast honest work that is slow.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "UTC",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm start",
    url: `${baseURL}/signin`,
    // The first run builds the app (next build) before serving.
    timeout: 240_000,
    reuseExistingServer: !process.env.CI && process.env.LACUNA_E2E_REUSE === "1",
    stdout: "pipe",
    stderr: "pipe",
    // scripts/start.ts stops the web server and every sidecar (each in its own process group) on SIGTERM;
    // Playwright's default SIGKILL would leave them running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      NODE_ENV: "test",
      LACUNA_DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "lacuna.db")}`,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "lacuna-e2e-secret-not-for-production",
      LACUNA_GRADER_PORT: process.env.LACUNA_GRADER_PORT ?? "3902",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
