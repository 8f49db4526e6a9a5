/**
 * A grading worker process: the only kind of process that loads isolated-vm. Forked by ../pool.ts with
 * --no-node-snapshot, a heap limit, ../fork.ts's sandboxWorkerFlags and an empty environment; grades one job at a time.
 * While no job waits it fills its caches for the seeds the pool asked it to warm (the hidden-seed pools): at once,
 * or (the daemon's default, for the whole catalog) for each exercise once it has graded that exercise.
 */
import { messages } from "../messages";
import { openPhaseBoard } from "../phase-board";
import { phaseEnd, phaseStart } from "../phase-timing";
import { transpileSubmission } from "../transpile";
import { boundReport, scrubHostPaths } from "../report-text";
import { gradeJob, prepareForNextJob, warmTasks } from "./grade-job";
import { toWorkerSchema, warmWorkerSchema, type FromWorker } from "./protocol";
import { runInIsolate } from "./run-isolate";

/** Typed here and validated where it is read: the pool parses every message a worker sends. */
function send(message: FromWorker): void {
  process.send?.(message);
}

async function warmUp(): Promise<void> {
  // Starts esbuild's service and isolated-vm once, so the first real submission pays neither.
  const compiled = await transpileSubmission({ source: "export function f(x: number) { return x; }", functionName: "f", params: ["x"], lang: "en", maxSourceBytes: 1024 });
  if (compiled.ok) runInIsolate(compiled.code, "f", [{ argsJson: "[1]", muted: false }], { caseMs: 1000, submissionMs: 2000, memoryMb: 16, consoleChars: 100, outputChars: 100 });
}

/** Where the pool reads what this worker is doing (its first argument; see ../phase-board.ts). */
const board = process.argv[2] ? openPhaseBoard(process.argv[2]) : null;

let queue: Promise<void> = Promise.resolve();
let jobsWaiting = 0;

/** Background cache work per exercise; the exercise of the latest job goes first. */
const backgroundWork = new Map<string, (() => Promise<void>)[]>();
let backgroundRunning = false;

/**
 * Seeds to warm for an exercise that has had no job yet. Warming the whole catalog at start (76 exercises × 33
 * seeds × the reference and each misconception) kept both workers busy for over 20 minutes on a 2-core machine,
 * slowing every page and grade meanwhile, and overflowed the caches it was filling; a class works on a few
 * exercises at a time.
 */
const warmOnFirstJob = new Map<string, number[]>();
let warmRoot = "";

function backgroundRemaining(): number {
  let n = 0;
  for (const tasks of backgroundWork.values()) n += tasks.length;
  return n;
}

function nextBackgroundTask(): (() => Promise<void>) | undefined {
  for (const [slug, tasks] of backgroundWork) {
    const task = tasks.shift();
    if (tasks.length === 0) backgroundWork.delete(slug);
    if (task) return task;
  }
  return undefined;
}

/** Runs one background task at a time on the job queue, and only while no job waits. */
function runBackground(): void {
  if (backgroundRunning || jobsWaiting > 0 || backgroundWork.size === 0) return;
  backgroundRunning = true;
  setImmediate(() => {
    const task = jobsWaiting > 0 ? undefined : nextBackgroundTask();
    if (!task) {
      backgroundRunning = false;
      return;
    }
    queue = queue
      .then(task)
      .catch(() => undefined)
      .finally(() => {
        backgroundRunning = false;
        const remaining = backgroundRemaining();
        if (remaining % 25 === 0) send({ type: "warming", remaining });
        runBackground();
      });
  });
}

function prioritise(slug: string): void {
  const tasks = backgroundWork.get(slug);
  if (!tasks) return;
  backgroundWork.delete(slug);
  const rest = [...backgroundWork];
  backgroundWork.clear();
  backgroundWork.set(slug, tasks);
  for (const [s, t] of rest) backgroundWork.set(s, t);
}

process.on("message", (raw: unknown) => {
  // Told apart by their type first: a failed zod parse builds its issues, which cost every job ~20 µs here.
  if (raw !== null && typeof raw === "object" && (raw as { type?: unknown }).type === "warm") {
    const warm = warmWorkerSchema.safeParse(raw);
    if (!warm.success) return;
    const { exercisesRoot, seedsBySlug, start, limits } = warm.data;
    warmRoot = exercisesRoot;
    warmOnFirstJob.clear();
    for (const { slug, seeds } of seedsBySlug) {
      if (start === "now") backgroundWork.set(slug, warmTasks(slug, seeds, exercisesRoot));
      else warmOnFirstJob.set(slug, seeds);
    }
    // Misconceptions run in isolates of their own limits; keep the next submission's spare ready too.
    backgroundWork.set("\0spare", [async () => prepareForNextJob(limits)]);
    send({ type: "warming", remaining: backgroundRemaining() });
    runBackground();
    return;
  }
  const parsed = toWorkerSchema.safeParse(raw);
  if (!parsed.success) return;
  const { id, job, limits } = parsed.data;
  jobsWaiting += 1;
  const dormant = warmOnFirstJob.get(job.slug);
  if (dormant) {
    warmOnFirstJob.delete(job.slug);
    backgroundWork.set(job.slug, warmTasks(job.slug, dormant, warmRoot));
    send({ type: "warming", remaining: backgroundRemaining() });
  }
  prioritise(job.slug);
  queue = queue.then(async () => {
    try {
      const report = await gradeJob(job, limits, (phase, budgetMs, cases) => board?.write({ id, phase, since: Date.now(), budgetMs, ...(cases ? { cases } : {}) }));
      const reportMark = phaseStart();
      const recycle = report.runtimeError?.kind === "memory";
      send({ type: "result", id, report: boundReport(report, limits.consoleChars), recycle });
      phaseEnd("worker.report", reportMark);
      if (!recycle)
        setImmediate(() => {
          const spareMark = phaseStart();
          prepareForNextJob(limits);
          phaseEnd("worker.spare-isolate", spareMark);
        });
    } catch (error) {
      send({ type: "failed", id, message: scrubHostPaths(error instanceof Error ? error.message : String(error)) || messages.en.poolClosed });
    } finally {
      jobsWaiting -= 1;
      runBackground();
    }
  });
});

process.on("disconnect", () => process.exit(0));

await warmUp();
send({ type: "ready" });
