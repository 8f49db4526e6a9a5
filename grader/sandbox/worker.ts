/**
 * A grading worker process: the only kind of process that loads isolated-vm. Forked by ../pool.ts with
 * --no-node-snapshot, --no-expose-wasm, a heap limit and an empty environment; grades one job at a time.
 */
import { messages } from "../messages";
import { transpileSubmission } from "../transpile";
import { gradeJob, prepareForNextJob, scrubHostPaths } from "./grade-job";
import { fromWorkerSchema, toWorkerSchema, type FromWorker } from "./protocol";
import { runInIsolate } from "./run-isolate";

function send(message: FromWorker): void {
  process.send?.(fromWorkerSchema.parse(message));
}

async function warmUp(): Promise<void> {
  // Starts esbuild's service and isolated-vm once, so the first real submission pays neither.
  const compiled = await transpileSubmission({ source: "export function f(x: number) { return x; }", functionName: "f", params: ["x"], lang: "en", maxSourceBytes: 1024 });
  if (compiled.ok) runInIsolate(compiled.code, "f", [{ argsJson: "[1]", muted: false }], { caseMs: 1000, submissionMs: 2000, memoryMb: 16, consoleChars: 100, outputChars: 100 });
}

let queue: Promise<void> = Promise.resolve();

process.on("message", (raw: unknown) => {
  const parsed = toWorkerSchema.safeParse(raw);
  if (!parsed.success) return;
  const { id, job, limits } = parsed.data;
  queue = queue.then(async () => {
    try {
      const report = await gradeJob(job, limits, (phase, budgetMs) => send({ type: "phase", id, phase, budgetMs }));
      const recycle = report.runtimeError?.kind === "memory";
      send({ type: "result", id, report, recycle });
      if (!recycle) setImmediate(() => prepareForNextJob(limits));
    } catch (error) {
      send({ type: "failed", id, message: scrubHostPaths(error instanceof Error ? error.message : String(error)) || messages.en.poolClosed });
    }
  });
});

process.on("disconnect", () => process.exit(0));

await warmUp();
send({ type: "ready" });
