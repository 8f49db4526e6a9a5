// `npm test`: the type check, vitest and Playwright, one after the other, each run whatever the previous one
// gave, so one failing unit test never hides the browser tests' results. Prints a summary of the three, with
// the name and first error line of every failed test (CI shows only the end of a long log), and exits non-zero
// when any failed (with the first failing step's exit code).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./lib/schemas";
import { failedTests, type FailedTest } from "./lib/test-report";

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** The runner's JSON report, read for the names of failed tests. */
  report?: { file: string; runner: "vitest" | "playwright" };
}

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
const reportDir = mkdtempSync(path.join(os.tmpdir(), "lacuna-test-report-"));
const vitestReport = path.join(reportDir, "vitest.json");
const playwrightReport = path.join(reportDir, "playwright.json");
const playwrightReporters = process.env.CI ? "list,json" : "list,html,json";

const steps: Step[] = [
  { name: "typecheck (tsc --noEmit)", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  {
    name: "unit and integration tests (vitest run)",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
    report: { file: vitestReport, runner: "vitest" },
  },
  {
    name: "end-to-end tests (playwright test)",
    command: bin("playwright"),
    args: ["test", `--reporter=${playwrightReporters}`],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport, PLAYWRIGHT_HTML_OPEN: "never" },
    report: { file: playwrightReport, runner: "playwright" },
  },
];

function readFailures(report: NonNullable<Step["report"]>): FailedTest[] | "unreadable" {
  try {
    return failedTests(report.runner, JSON.parse(readFileSync(report.file, "utf8")));
  } catch {
    return "unreadable";
  }
}

const results: { step: Step; code: number; seconds: number; failures: FailedTest[] | "unreadable" }[] = [];
for (const step of steps) {
  console.log(`\n[test] ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.command, step.args, { cwd: repoRoot, stdio: "inherit", env: { ...process.env, ...step.env } });
  // Killed by a signal (Ctrl-C reaches the whole terminal group): stop here, as the operator asked.
  if (run.signal) {
    console.error(`[test] ${step.name} stopped by ${run.signal}`);
    process.exit(130);
  }
  const code = run.status ?? 1;
  const failures = code !== 0 && step.report ? readFailures(step.report) : [];
  results.push({ step, code, seconds: (Date.now() - started) / 1000, failures });
}
rmSync(reportDir, { recursive: true, force: true });

console.log("\n[test] summary");
for (const { step, code, seconds, failures } of results) {
  console.log(`  ${code === 0 ? "passed" : `FAILED (exit ${code})`}  ${step.name}  ${seconds.toFixed(0)} s`);
  if (failures === "unreadable") console.log("    (its report could not be read: see the log above)");
  else for (const failure of failures) console.log(`    ✗ ${failure.where} › ${failure.title}\n      ${failure.error}`);
}
const failed = results.find((r) => r.code !== 0);
process.exit(failed ? failed.code : 0);
