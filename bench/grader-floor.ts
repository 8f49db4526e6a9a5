/**
 * The floor of `bench:grader` (part e), run as a child process with the grading workers' flags (isolated-vm needs
 * them). Given the bench's mix, already transpiled, with each submission's cases encoded as a worker hands them to
 * the sandbox, it measures the sandbox alone, as grade-job.ts runs it (a fresh isolate, the harness, the module,
 * every case with its inputs in and its output out, the console, the disposal), with nothing around it (no pool,
 * no messages between processes, no transpiling, no comparison, no report), and a bare isolate created and
 * disposed. Answers the CPU ms per submission of each, over two passes of the mix after one pass of warm-up,
 * process-wide (V8's background threads included, as /proc counts a worker).
 */
import ivm from "isolated-vm";
import { resolveLimits } from "../grader/limits";
import { isolateLimits } from "../grader/sandbox/grade-job";
import { runInIsolate, type IsolateCall } from "../grader/sandbox/run-isolate";

export interface FloorRun {
  code: string;
  functionName: string;
  calls: IsolateCall[];
}
export interface FloorAnswer {
  submissions: number;
  sandboxCpuMs: number;
  bareIsolateCpuMs: number;
}

const passes = 2;

function measure(runs: FloorRun[]): FloorAnswer {
  const limits = isolateLimits(resolveLimits());
  /** CPU ms per run of `work` over `passes` passes of the mix. */
  const perRun = (work: (run: FloorRun) => void): number => {
    const started = process.cpuUsage();
    for (let p = 0; p < passes; p++) for (const run of runs) work(run);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / (passes * runs.length);
  };
  const sandbox = (run: FloorRun) => void runInIsolate(run.code, run.functionName, run.calls, limits);
  const bare = () => {
    const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
    isolate.createContextSync();
    isolate.dispose();
  };
  runs.forEach(sandbox);
  const sandboxCpuMs = perRun(sandbox);
  bare();
  const bareIsolateCpuMs = perRun(bare);
  return { submissions: runs.length * passes, sandboxCpuMs, bareIsolateCpuMs };
}

process.once("message", (runs: FloorRun[]) => {
  try {
    process.send?.(measure(runs), () => process.exit(0));
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
});
