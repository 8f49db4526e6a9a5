/**
 * bench:grader's lean pool: the least a pool must do under the issue's rules (one fresh isolate per submission, the
 * same limits, hidden-case secrecy) and the sandbox's known holes (isolates in worker processes, since some
 * out-of-memory cases abort the whole process), measured as a pool, not estimated: workers forked with the grading
 * workers' flags (bench/lean-pool-worker.ts), one job at a time each, dispatched from this process. What our pool
 * spends beyond it buys the product: transpiling, the diagnosis, the report's formatted values, validated messages,
 * the watchdog. Its throughput against the baseline, in the same turns, is the most any such pool reaches here.
 */
import path from "node:path";
import type { ComparisonSettings } from "../grader/compare";
import { forkTs, killAndWait, sandboxWorkerFlags } from "../grader/fork";
import { resolveLimits } from "../grader/limits";
import type { IsolateCall } from "../grader/sandbox/run-isolate";
import { addUsage, noUsage, treeUsage, type ProcessUsage } from "./phases";

/** What a lean worker keeps of each submission of the mix, as a worker's caches keep a seed's cases and outputs. */
export interface LeanCase {
  functionName: string;
  calls: IsolateCall[];
  expected: unknown[];
  settings: ComparisonSettings;
}
export interface LeanSetup {
  kind: "setup";
  cases: LeanCase[];
}
/** `code`: the submission's compiled JavaScript, sent with every job as a pool must send the source. */
export interface LeanJob {
  kind: "grade";
  id: number;
  index: number;
  code: string;
}
export interface LeanVerdict {
  id: number;
  passed: boolean[];
}

export interface LeanPool {
  /** Grades submission `index` of the setup with `code`: a pass or fail per case. */
  grade(index: number, code: string): Promise<boolean[]>;
  /** CPU so far of the workers (process trees, as /proc counts them). */
  workersUsage(): ProcessUsage;
  close(): Promise<void>;
}

export async function startLeanPool(workers: number, cases: LeanCase[]): Promise<LeanPool> {
  const limits = resolveLimits();
  type Pending = { job: LeanJob; resolve: (passed: boolean[]) => void; reject: (error: Error) => void };
  const queue: Pending[] = [];
  let closing = false;
  const slots = await Promise.all(
    Array.from({ length: workers }, async () => {
      const child = forkTs(path.join(import.meta.dirname, "lean-pool-worker.ts"), limits.workerHeapMb, [...sandboxWorkerFlags]);
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const next = (): Promise<unknown> =>
        new Promise((resolve, reject) => {
          child.once("message", resolve);
          child.once("exit", (code) => reject(new Error(`a lean pool worker ended (${code}): ${stderr.slice(-2000)}`)));
        });
      await next(); // loaded
      const ready = next();
      child.send({ kind: "setup", cases } satisfies LeanSetup);
      await ready;
      child.removeAllListeners("exit");
      return { child, stderr: () => stderr, busy: null as Pending | null };
    }),
  );
  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const pending = queue.shift()!;
      slot.busy = pending;
      slot.child.send(pending.job);
    }
  };
  for (const slot of slots) {
    slot.child.on("message", (verdict: LeanVerdict) => {
      const pending = slot.busy;
      slot.busy = null;
      pending?.resolve(verdict.passed);
      dispatch();
    });
    // A bench that waited on a dead worker would hang: fail it instead.
    slot.child.once("exit", (code, signal) => {
      if (closing) return;
      const error = new Error(`a lean pool worker ended (${code ?? signal}): ${slot.stderr().slice(-2000)}`);
      for (const pending of [slot.busy, ...queue.splice(0)]) pending?.reject(error);
    });
  }
  let nextId = 0;
  return {
    grade(index, code) {
      return new Promise((resolve, reject) => {
        queue.push({ job: { kind: "grade", id: nextId++, index, code }, resolve, reject });
        dispatch();
      });
    },
    workersUsage: () => slots.reduce((sum, { child }) => (child.pid ? addUsage(sum, treeUsage(child.pid)) : sum), noUsage()),
    async close() {
      closing = true;
      await Promise.all(slots.map(({ child }) => killAndWait(child)));
    },
  };
}
