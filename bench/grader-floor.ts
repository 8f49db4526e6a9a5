/**
 * The floor of `bench:grader` (part e), run as a child process with the grading workers' flags (isolated-vm needs
 * them). Given the bench's mix, already transpiled, with each submission's cases encoded as a worker hands them to
 * the sandbox, it measures the sandbox alone, as grade-job.ts runs it (a fresh isolate, the harness, the module,
 * every case with its inputs in and its output out, the console, the disposal), with nothing around it (no pool,
 * no messages between processes, no transpiling, no comparison, no report), and a bare isolate created and
 * disposed. Answers the CPU ms (and the kernel's share of it) and the minor page faults per submission of each,
 * over two passes of the mix after one pass of warm-up, process-wide (V8's background threads included, as /proc
 * counts a worker). The bench runs it alone and then in as many processes at once as the pool has workers: on a
 * machine where a page fault costs more while another core faults too, the second is the floor a pool meets.
 */
import ivm from "isolated-vm";
import { resolveLimits } from "../grader/limits";
import { isolateLimits } from "../grader/sandbox/grade-job";
import { runInIsolate, type IsolateCall } from "../grader/sandbox/run-isolate";
import type { ProcessUsage } from "./phases";

export interface FloorRun {
  code: string;
  functionName: string;
  calls: IsolateCall[];
}
/** Usage per submission, as process.resourceUsage() counts it. */
export interface FloorAnswer {
  submissions: number;
  sandbox: ProcessUsage;
  bareIsolate: ProcessUsage;
}

const passes = 2;

function measure(runs: FloorRun[]): FloorAnswer {
  const limits = isolateLimits(resolveLimits());
  /** Usage per run of `work` over `passes` passes of the mix. */
  const perRun = (work: (run: FloorRun) => void): ProcessUsage => {
    const before = process.resourceUsage();
    for (let p = 0; p < passes; p++) for (const run of runs) work(run);
    const after = process.resourceUsage();
    const n = passes * runs.length;
    const systemMs = (after.systemCPUTime - before.systemCPUTime) / 1000;
    return { cpuMs: ((after.userCPUTime - before.userCPUTime) / 1000 + systemMs) / n, systemMs: systemMs / n, minorFaults: (after.minorPageFault - before.minorPageFault) / n };
  };
  const sandbox = (run: FloorRun) => void runInIsolate(run.code, run.functionName, run.calls, limits);
  const bare = () => {
    const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
    isolate.createContextSync();
    isolate.dispose();
  };
  runs.forEach(sandbox);
  const sandboxUsage = perRun(sandbox);
  bare();
  const bareIsolate = perRun(bare);
  return { submissions: runs.length * passes, sandbox: sandboxUsage, bareIsolate };
}

// Loaded: the parent sends every child its runs once all have said so, so that they measure at the same time.
process.send?.("ready");
process.once("message", (runs: FloorRun[]) => {
  try {
    process.send?.(measure(runs), () => process.exit(0));
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
});
