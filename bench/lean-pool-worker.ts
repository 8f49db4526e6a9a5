/**
 * A worker of bench:grader's lean pool (bench/lean-pool.ts), forked with the grading workers' flags. It does only
 * what the issue's rules and the sandbox's known holes require of any pool: each submission's code arrives over IPC,
 * runs in a fresh isolate under the same limits (grader/sandbox/run-isolate.ts, as a worker runs it, the next
 * isolate prepared while idle), its outputs are compared with the expected ones outside the sandbox (hidden-case
 * secrecy), and a pass or fail per case goes back. No transpiling (the code comes compiled, as from the transpile
 * cache), no diagnosis, no formatted values, no report, no message validation, no watchdog phases.
 */
import { compareOutputs } from "../grader/compare";
import { resolveLimits } from "../grader/limits";
import { isolateLimits } from "../grader/sandbox/grade-job";
import { prepareSpareIsolate, runInIsolate } from "../grader/sandbox/run-isolate";
import { decodeSpecialJson } from "../grader/special-json";
import type { LeanJob, LeanSetup, LeanVerdict } from "./lean-pool";

const limits = isolateLimits(resolveLimits());
let cases: LeanSetup["cases"] = [];

process.on("message", (message: LeanSetup | LeanJob) => {
  if (message.kind === "setup") {
    cases = message.cases;
    prepareSpareIsolate(limits);
    process.send?.("ready");
    return;
  }
  const { functionName, calls, expected, settings } = cases[message.index]!;
  const run = runInIsolate(message.code, functionName, calls, limits);
  const passed = run.calls.map((call, i) => call.kind === "value" && compareOutputs(expected[i], decodeSpecialJson(call.json), settings).passed);
  process.send?.({ id: message.id, passed } satisfies LeanVerdict);
  setImmediate(() => prepareSpareIsolate(limits));
});

process.on("disconnect", () => process.exit(0));
process.send?.("loaded");
