// `npm test`: the type check, vitest and Playwright, one after the other, each run whatever the previous one
// gave, so one failing unit test never hides the browser tests' results. Prints a summary of the three and
// exits non-zero when any failed (with the first failing step's exit code).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./lib/schemas";

interface Step {
  name: string;
  command: string;
  args: string[];
}

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);

const steps: Step[] = [
  { name: "typecheck (tsc --noEmit)", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { name: "unit and integration tests (vitest run)", command: bin("vitest"), args: ["run"] },
  { name: "end-to-end tests (playwright test)", command: bin("playwright"), args: ["test"] },
];

const results: { step: Step; code: number; seconds: number }[] = [];
for (const step of steps) {
  console.log(`\n[test] ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.command, step.args, { cwd: repoRoot, stdio: "inherit" });
  // Killed by a signal (Ctrl-C reaches the whole terminal group): stop here, as the operator asked.
  if (run.signal) {
    console.error(`[test] ${step.name} stopped by ${run.signal}`);
    process.exit(130);
  }
  results.push({ step, code: run.status ?? 1, seconds: (Date.now() - started) / 1000 });
}

console.log("\n[test] summary");
for (const { step, code, seconds } of results) console.log(`  ${code === 0 ? "passed" : `FAILED (exit ${code})`}  ${step.name}  ${seconds.toFixed(0)} s`);
const failed = results.find((r) => r.code !== 0);
process.exit(failed ? failed.code : 0);
