/**
 * The grading pool: what the web app's grading daemon imports. It forks worker processes (which alone load
 * isolated-vm), queues submissions, and watches every job: a worker that hangs past its budget is killed
 * and replaced, a worker that dies mid-job is replaced, and the submission gets a clear report either way.
 * This module never imports isolated-vm, TensorFlow.js or esbuild.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { exercisesRoot as defaultExercisesRoot, findExercise, loadCatalog } from "../exercises/catalog";
import { resolveLimits, type GraderLimits, type GraderLimitsInput } from "./limits";
import { messages } from "./messages";
import { gradeReportSchema, reportWithoutCases, typeWarningSchema, type GradeReport, type ReportSubject, type RuntimeError, type TypeWarning } from "./report";
import { fromTypeCheckerSchema, fromWorkerSchema, type ToWorker, type WarmWorker } from "./sandbox/protocol";
import { sourceTooLarge } from "./transpile-limits";

export const gradeRequestSchema = z.object({
  slug: z.string().min(1).max(200),
  source: z.string(),
  seed: z.number().int().nonnegative().max(2 ** 32 - 1).default(1),
  lang: z.enum(["zh", "en"]).default("en"),
  mode: z.enum(["visible", "all"]).default("all"),
});
export type GradeRequest = z.input<typeof gradeRequestSchema>;

export interface GraderPoolOptions {
  /** Worker processes; defaults to the number of CPU cores. */
  workers?: number;
  limits?: GraderLimitsInput;
  /** Defaults to LACUNA_EXERCISES_DIR or ./exercises. */
  exercisesRoot?: string;
}

export interface PoolStats {
  workers: { pid: number | undefined; busy: boolean; ready: boolean }[];
  queued: number;
  graded: number;
  restarts: number;
  /** Background cache tasks (prewarm) the workers still have to do; 0 once every pool seed is cached. */
  warming: number;
}

export interface GraderPool {
  grade(request: GradeRequest): Promise<GradeReport>;
  /** Type-checks a submission in a separate process (never delays grading); warnings only. */
  typeCheck(slug: string, source: string): Promise<TypeWarning[]>;
  stats(): PoolStats;
  /**
   * Asks every worker (and every replacement) to compute, while idle, the expected and misconception
   * outputs of each exercise for the seeds `seedsFor(slug)` returns, so grades on those seeds hit the cache.
   * Replaces an earlier call's seeds. Optional: a pool that does not cache need not implement it.
   */
  prewarm?(seedsFor: (slug: string) => number[]): void;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function forkTs(entry: string, heapMb: number, extra: string[] = []): ChildProcess {
  return fork(entry, [], {
    execArgv: ["--no-node-snapshot", `--max-old-space-size=${heapMb}`, ...extra, "--import", tsxLoader],
    // Learner code never sees the environment anyway; an empty one means a sandbox escape would not either.
    env: {} as NodeJS.ProcessEnv,
    cwd: repoRoot,
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
}

interface PendingJob {
  id: number;
  message: ToWorker;
  enqueuedAt: number;
  startedAt: number;
  resolve: (report: GradeReport) => void;
}

interface WorkerSlot {
  child: ChildProcess;
  ready: boolean;
  job: PendingJob | null;
  timer: NodeJS.Timeout | null;
  killedByWatchdog: boolean;
  stderrTail: string;
  warming: number;
}

function reportFor(subject: ReportSubject, error: RuntimeError, status: GradeReport["status"]): GradeReport {
  return reportWithoutCases(subject, status, { runtimeError: error });
}

/** A failure that is not the submission's: the daemon grades it again on a fresh worker. */
function retryableReportFor(subject: ReportSubject, error: RuntimeError): GradeReport {
  return { ...reportFor(subject, error, "error"), retryable: true };
}

export function createGraderPool(options: GraderPoolOptions = {}): GraderPool {
  const limits: GraderLimits = resolveLimits(options.limits);
  const root = path.resolve(options.exercisesRoot ?? defaultExercisesRoot());
  const size = Math.max(1, options.workers ?? os.availableParallelism());
  const workerEntry = path.join(here, "sandbox", "worker.ts");
  const slots: WorkerSlot[] = [];
  const queue: PendingJob[] = [];
  let nextId = 1;
  let graded = 0;
  let restarts = 0;
  let closed = false;
  let startupFailures = 0;
  let broken: string | null = null;
  let warmMessage: WarmWorker | null = null;

  function arm(slot: WorkerSlot, ms: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      slot.killedByWatchdog = true;
      slot.child.kill("SIGKILL");
    }, ms);
  }

  function finish(slot: WorkerSlot, report: GradeReport): void {
    const job = slot.job;
    if (!job) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    graded += 1;
    job.resolve(report);
  }

  function dispatch(): void {
    if (broken) {
      for (const job of queue.splice(0)) job.resolve(reportFor(job.message.job, { kind: "internal", message: broken, location: null }, "error"));
      return;
    }
    for (const slot of slots) {
      if (!slot.ready || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      arm(slot, limits.hostPhaseMs);
      job.startedAt = performance.now();
      slot.child.send(job.message);
    }
  }

  function spawn(): void {
    const child = forkTs(workerEntry, limits.workerHeapMb, ["--no-expose-wasm"]);
    const slot: WorkerSlot = { child, ready: false, job: null, timer: null, killedByWatchdog: false, stderrTail: "", warming: warmMessage ? 1 : 0 };
    slots.push(slot);
    child.stderr?.on("data", (chunk: Buffer) => {
      slot.stderrTail = (slot.stderrTail + chunk.toString("utf8")).slice(-4000);
    });
    child.on("message", (raw: unknown) => {
      const parsed = fromWorkerSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === "ready") {
        slot.ready = true;
        startupFailures = 0;
        if (warmMessage) {
          slot.warming = 1; // until the worker counts its tasks
          child.send(warmMessage);
        }
        dispatch();
        return;
      }
      if (message.type === "warming") {
        slot.warming = message.remaining;
        return;
      }
      const job = slot.job;
      if (!job || message.id !== job.id) return;
      if (message.type === "phase") {
        arm(slot, message.phase === "sandbox" ? message.budgetMs + limits.watchdogSlackMs : limits.hostPhaseMs);
        return;
      }
      if (message.type === "failed") {
        finish(slot, reportFor(job.message.job, { kind: "internal", message: message.message, location: null }, "error"));
      } else {
        const checked = gradeReportSchema.safeParse(message.report);
        const report = checked.success
          ? { ...checked.data, timing: { ...checked.data.timing, queueMs: job.startedAt - job.enqueuedAt } }
          : reportFor(job.message.job, { kind: "internal", message: `the worker sent an invalid report: ${checked.error.issues[0]?.message}`, location: null }, "error");
        finish(slot, report);
        if (message.recycle) {
          slot.ready = false;
          child.kill("SIGKILL");
        }
      }
      dispatch();
    });
    child.on("exit", (code, signal) => {
      if (slot.timer) clearTimeout(slot.timer);
      slots.splice(slots.indexOf(slot), 1);
      if (!slot.ready && !slot.job && !closed && !slot.killedByWatchdog) {
        startupFailures += 1;
        if (startupFailures >= 3) broken = `grading workers fail to start: ${slot.stderrTail.trim().split("\n").slice(-3).join(" | ")}`;
      }
      if (slot.job) {
        const job = slot.job;
        const text = messages[job.message.job.lang];
        const outOfMemory = signal === "SIGABRT" || code === 134 || /out of memory|allocation failed/i.test(slot.stderrTail);
        const report = closed
          ? retryableReportFor(job.message.job, { kind: "internal", message: text.poolClosed, location: null })
          : slot.killedByWatchdog
          ? reportFor(job.message.job, { kind: "timeout", message: text.watchdog(limits.submissionMs), location: null }, "failed")
          : outOfMemory
            ? reportFor(job.message.job, { kind: "memory", message: `${text.memory(limits.memoryMb)}: ${text.crashed}`, location: null }, "failed")
            : retryableReportFor(job.message.job, { kind: "crash", message: text.killedFromOutside, location: null });
        finish(slot, report);
      }
      if (!closed) {
        restarts += 1;
        if (!broken) spawn();
        dispatch();
      }
    });
  }

  for (let i = 0; i < size; i++) spawn();

  // The type checker: one lazily started process, requests one at a time.
  let checker: ChildProcess | null = null;
  const checks = new Map<number, { resolve: (w: TypeWarning[]) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  function typeChecker(): ChildProcess {
    if (checker) return checker;
    const child = forkTs(path.join(here, "typecheck-worker.ts"), 512);
    child.stderr?.resume();
    child.on("message", (raw: unknown) => {
      const parsed = fromTypeCheckerSchema.safeParse(raw);
      if (!parsed.success || parsed.data.type === "ready") return;
      const pending = checks.get(parsed.data.id);
      if (!pending) return;
      checks.delete(parsed.data.id);
      clearTimeout(pending.timer);
      if (parsed.data.type === "failed") pending.reject(new Error(parsed.data.message));
      else {
        const warnings = z.array(typeWarningSchema).safeParse(parsed.data.warnings);
        if (warnings.success) pending.resolve(warnings.data);
        else pending.reject(new Error("the type checker sent invalid warnings"));
      }
    });
    child.on("exit", () => {
      checker = null;
      for (const [id, pending] of checks) {
        checks.delete(id);
        clearTimeout(pending.timer);
        pending.reject(new Error("the type checker stopped"));
      }
    });
    checker = child;
    return child;
  }

  return {
    grade(input: GradeRequest): Promise<GradeReport> {
      const parsedRequest = gradeRequestSchema.safeParse(input);
      if (!parsedRequest.success) {
        const issue = parsedRequest.error.issues[0];
        return Promise.reject(new Error(`invalid grade request: ${issue?.path.join(".")}: ${issue?.message}`));
      }
      const request = parsedRequest.data;
      const text = messages[request.lang];
      const base = { slug: request.slug, seed: request.seed, lang: request.lang, mode: request.mode };
      if (closed) return Promise.resolve(retryableReportFor(base, { kind: "internal", message: text.poolClosed, location: null }));
      const tooLarge = sourceTooLarge(request.source, limits.sourceBytes, request.lang);
      if (tooLarge) return Promise.resolve(reportWithoutCases(base, "compile-error", { compileErrors: [tooLarge] }));
      if (!findExercise(request.slug, root)) {
        return Promise.resolve(reportFor(base, { kind: "unknown-exercise", message: text.unknownExercise(request.slug), location: null }, "error"));
      }
      return new Promise((resolve) => {
        const id = nextId++;
        queue.push({ id, enqueuedAt: performance.now(), startedAt: 0, resolve, message: { type: "grade", id, job: { ...request, exercisesRoot: root }, limits } });
        dispatch();
      });
    },

    typeCheck(slug: string, source: string): Promise<TypeWarning[]> {
      if (closed) return Promise.reject(new Error(messages.en.poolClosed));
      if (!findExercise(slug, root)) return Promise.reject(new Error(messages.en.unknownExercise(slug)));
      if (sourceTooLarge(source, limits.sourceBytes, "en")) return Promise.resolve([]);
      const child = typeChecker();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
        checks.set(id, { resolve, reject, timer });
        child.send({ id, source });
      });
    },

    prewarm(seedsFor: (slug: string) => number[]): void {
      if (closed) return;
      const seedsBySlug = loadCatalog(root).map((entry) => ({ slug: entry.meta.slug, seeds: seedsFor(entry.meta.slug) }));
      warmMessage = { type: "warm", exercisesRoot: root, seedsBySlug, limits };
      for (const slot of slots) {
        slot.warming = 1; // until the worker counts its tasks (a worker still starting gets them when ready)
        if (slot.ready) slot.child.send(warmMessage);
      }
    },

    stats(): PoolStats {
      return {
        workers: slots.map((s) => ({ pid: s.child.pid, busy: s.job !== null, ready: s.ready })),
        queued: queue.length,
        graded,
        restarts,
        warming: slots.reduce((sum, s) => sum + s.warming, 0),
      };
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) {
        job.resolve(retryableReportFor(job.message.job, { kind: "internal", message: messages[job.message.job.lang].poolClosed, location: null }));
      }
      const children = [...slots.map((s) => s.child), ...(checker ? [checker] : [])];
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGKILL");
            }),
        ),
      );
    },
  };
}
