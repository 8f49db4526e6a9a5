/**
 * The grading pool: what the web app's grading daemon imports. It forks worker processes (which alone load
 * isolated-vm), queues submissions, and watches every job: a worker that hangs past its budget is killed
 * and replaced, a worker that dies mid-job is replaced, and the submission gets a clear report either way.
 * This module never imports isolated-vm, TensorFlow.js or esbuild.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { exercisesRoot as defaultExercisesRoot, findExercise, loadCatalog } from "../exercises/catalog";
import { forkTs, graderDir, killAndWait, sandboxWorkerFlags } from "./fork";
import { resolveLimits, type GraderLimits, type GraderLimitsInput } from "./limits";
import { messages } from "./messages";
import { readPhaseBoard } from "./phase-board";
import { phaseEnd, phaseStart } from "./phase-timing";
import { gradeReportSchema, notRunCaseResult, reportWithoutCases, typeWarningSchema, type CaseOutline, type GradeReport, type ReportSubject, type RuntimeError, type TypeWarning } from "./report";
import { boundReport, scrubHostPaths } from "./report-text";
import { fromTypeCheckerSchema, fromWorkerSchema, type ToWorker, type WarmWorker } from "./sandbox/protocol";
import { sourceTooLarge } from "./transpile-limits";
import { createTypeCheckPool, type TypeCheckResult } from "./typecheck-pool";

export type { TypeCheckNotice, TypeCheckResult } from "./typecheck-pool";

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
  /** Type-checker processes, started on demand; default 2. */
  typeCheckers?: number;
  /**
   * The exercises `prewarm` fills the caches of at once (default: LACUNA_GRADER_PREWARM_SLUGS, comma-separated).
   * With neither, every exercise is warmed from its first job on: all 76 at once kept both workers busy for
   * over 20 minutes of a 2-core machine.
   */
  prewarmSlugs?: string[];
}

export interface PoolStats {
  /** `learnerCode`: the worker is running a submission's own code (not compiling or computing references). */
  workers: { pid: number | undefined; busy: boolean; ready: boolean; learnerCode: boolean }[];
  queued: number;
  graded: number;
  restarts: number;
  /** Workers the watchdog killed while they ran a submission's code (past its budget): metrics count these. */
  watchdogKills: number;
  /** Background cache tasks (prewarm) the workers still have to do, counted from when they start (an exercise's
   * first job, unless its slug was listed); 0 once those seeds are cached. */
  warming: number;
}

export interface GraderPool {
  grade(request: GradeRequest): Promise<GradeReport>;
  /**
   * Type-checks a submission in one of a few checker processes beside grading (never delays it): warnings
   * only, or a notice when the check was abandoned (over its `typeCheckMs` budget, beyond the checker, or too
   * many checks waiting). Rejects only for an unknown exercise or a closed pool.
   */
  typeCheck(slug: string, source: string): Promise<TypeCheckResult>;
  stats(): PoolStats;
  /**
   * Asks every worker (and every replacement) to compute, while idle, the expected and misconception
   * outputs of each exercise for the seeds `seedsFor(slug)` returns (from the exercise's first job on, unless
   * `prewarmSlugs` lists it), so grades on those seeds hit the cache,
   * and starts a type checker, so the first type check finds it warm. Replaces an earlier call's seeds.
   * Optional: a pool that does not cache need not implement it.
   */
  prewarm?(seedsFor: (slug: string) => number[]): void;
  close(): Promise<void>;
}

interface PendingJob {
  id: number;
  message: ToWorker;
  enqueuedAt: number;
  startedAt: number;
  /** Date.now() when a worker took it: host work's deadline counts from here until the board says otherwise. */
  dispatchedAt: number;
  /** Workers that died while grading this job (see classifyWorkerDeath). */
  deaths: number;
  resolve: (report: GradeReport) => void;
}

interface WorkerSlot {
  child: ChildProcess;
  /** The worker's phase board (./phase-board.ts): what it is doing for the current job. */
  board: string;
  ready: boolean;
  job: PendingJob | null;
  timer: NodeJS.Timeout | null;
  killedByWatchdog: boolean;
  stderrTail: string;
  warming: number;
}

/** What a worker's board says of its current job. */
interface JobPhase {
  /** The submission's own code is running (not host work, not a misconception's trusted run). */
  learnerCode: boolean;
  /** The cases of that run, so a report can list them (as not run) when the worker dies. */
  cases: CaseOutline[] | null;
  /** When the watchdog stops the phase (ms since the epoch). */
  deadline: number;
}

/**
 * Why a worker died in the middle of a job. Signals only ever come from outside (a stop, an operator,
 * `kill`) and so does a clean exit: infrastructure, retried on a fresh worker. Anything else while the
 * submission's code runs — V8's fatal errors (SIGTRAP), an abort out of memory (SIGABRT), a segfault — is
 * the submission's. A death during host work (compile, the exercise's reference) is never the learner's.
 */
export type WorkerDeath = { cause: "infrastructure" } | { cause: "learner"; kind: "memory" | "crash"; detail: string };

const externalSignals = new Set(["SIGKILL", "SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGPIPE"]);
const memoryFailure = /out of memory|allocation failed|heap limit|invalid size error|invalid (?:array|string|typed array) length/i;

export function classifyWorkerDeath(code: number | null, signal: NodeJS.Signals | null, phase: "host" | "sandbox", stderr: string): WorkerDeath {
  if (signal !== null ? externalSignals.has(signal) : code === 0) return { cause: "infrastructure" };
  if (phase !== "sandbox") return { cause: "infrastructure" };
  const fatal = /^#?\s*(Fatal JavaScript[^\n]*|FATAL ERROR:[^\n]*|[^\n]*out of memory[^\n]*)$/im.exec(stderr)?.[1]?.trim();
  const detail = (fatal ?? (signal ? `signal ${signal}` : `exit code ${code}`)).replace(/\s*\(see crbug[^)]*\)/, "").slice(0, 200);
  return { cause: "learner", kind: memoryFailure.test(stderr) || signal === "SIGABRT" ? "memory" : "crash", detail };
}

/** A job whose workers died this many times is given up (the first death is retried on a fresh worker). */
const maxWorkerDeaths = 2;

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
  const workerEntry = path.join(graderDir, "sandbox", "worker.ts");
  const slots: WorkerSlot[] = [];
  const queue: PendingJob[] = [];
  let nextId = 1;
  let graded = 0;
  let restarts = 0;
  let watchdogKills = 0;
  let closed = false;
  let startupFailures = 0;
  let broken: string | null = null;
  let warmMessage: WarmWorker | null = null;

  const boardDir = mkdtempSync(path.join(os.tmpdir(), "lacuna-pool-"));
  let boards = 0;
  /**
   * How often the watchdog reads a busy worker's board: no phase's deadline is nearer than this after it begins
   * (every sandbox budget is at least the submission's), so a phase begun just after a reading is still stopped
   * on time.
   */
  const watchEveryMs = Math.min(limits.hostPhaseMs, limits.submissionMs + limits.watchdogSlackMs);

  function phaseOf(slot: WorkerSlot, job: PendingJob): JobPhase {
    const entry = readPhaseBoard(slot.board);
    if (!entry || entry.id !== job.id) return { learnerCode: false, cases: null, deadline: job.dispatchedAt + limits.hostPhaseMs };
    if (entry.phase === "host") return { learnerCode: false, cases: null, deadline: entry.since + limits.hostPhaseMs };
    return { learnerCode: entry.cases !== undefined, cases: entry.cases ?? null, deadline: entry.since + entry.budgetMs + limits.watchdogSlackMs };
  }

  /** The watchdog: kills a worker whose phase is past its deadline, or looks again when it might be. */
  function watch(slot: WorkerSlot): void {
    slot.timer = null;
    if (!slot.job) return;
    const phase = phaseOf(slot, slot.job);
    const now = Date.now();
    if (now < phase.deadline) {
      slot.timer = setTimeout(() => watch(slot), Math.min(phase.deadline - now, watchEveryMs));
      return;
    }
    slot.killedByWatchdog = true;
    if (phase.learnerCode) watchdogKills += 1;
    slot.child.kill("SIGKILL");
  }

  function finish(slot: WorkerSlot, report: GradeReport): void {
    const job = slot.job;
    if (!job) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    graded += 1;
    job.resolve(boundReport(report, limits.consoleChars));
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
      slot.stderrTail = "";
      job.startedAt = performance.now();
      job.dispatchedAt = Date.now();
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = setTimeout(() => watch(slot), watchEveryMs);
      slot.child.send(job.message);
    }
  }

  function spawn(): void {
    const board = path.join(boardDir, `worker-${++boards}.phase`);
    const child = forkTs(workerEntry, limits.workerHeapMb, [...sandboxWorkerFlags], [board]);
    const slot: WorkerSlot = { child, board, ready: false, job: null, timer: null, killedByWatchdog: false, stderrTail: "", warming: warmMessage ? 1 : 0 };
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
      if (message.type === "failed") {
        finish(slot, reportFor(job.message.job, { kind: "internal", message: message.message, location: null }, "error"));
      } else {
        const receiveMark = phaseStart();
        const checked = gradeReportSchema.safeParse(message.report);
        const report = checked.success
          ? { ...checked.data, timing: { ...checked.data.timing, queueMs: job.startedAt - job.enqueuedAt } }
          : reportFor(job.message.job, { kind: "internal", message: `the worker sent an invalid report: ${checked.error.issues[0]?.message}`, location: null }, "error");
        finish(slot, report);
        phaseEnd("daemon.receive", receiveMark);
        if (message.recycle) {
          slot.ready = false;
          child.kill("SIGKILL");
        }
      }
      dispatch();
    });
    // "close", not "exit": by then stderr (V8's fatal-error text) and every IPC message (the phase) are read.
    child.on("close", (code, signal) => {
      if (slot.timer) clearTimeout(slot.timer);
      slots.splice(slots.indexOf(slot), 1);
      if (!slot.ready && !slot.job && !closed && !slot.killedByWatchdog) {
        startupFailures += 1;
        if (startupFailures >= 3) broken = `grading workers fail to start: ${slot.stderrTail.trim().split("\n").slice(-3).join(" | ")}`;
      }
      const job = slot.job;
      if (job) {
        slot.job = null;
        if (slot.timer) clearTimeout(slot.timer);
        const report = reportForDeadWorker(slot, job, phaseOf(slot, job), code, signal);
        if (report) {
          graded += 1;
          job.resolve(boundReport(report, limits.consoleChars));
        } else queue.unshift(job); // retried first, on the fresh worker spawned below
      }
      try {
        unlinkSync(slot.board);
      } catch {
        // never written (the worker died starting), or the pool's folder is gone
      }
      if (!closed) {
        restarts += 1;
        if (!broken) spawn();
        dispatch();
      }
    });
  }

  /** The report of a job whose worker died, or null to retry it on a fresh worker. */
  function reportForDeadWorker(slot: WorkerSlot, job: PendingJob, phase: JobPhase, code: number | null, signal: NodeJS.Signals | null): GradeReport | null {
    const subject = job.message.job;
    const text = messages[subject.lang];
    const notRun = (error: RuntimeError, status: GradeReport["status"]): GradeReport => ({
      ...reportFor(subject, error, status),
      cases: (phase.cases ?? []).map((c) => notRunCaseResult(c, { kind: error.kind, message: text.notRunStopped, location: null })),
    });
    if (closed) return retryableReportFor(subject, { kind: "internal", message: text.poolClosed, location: null });
    // The watchdog stopping host work (compile, the reference) is the machine's trouble, not the learner's.
    if (slot.killedByWatchdog && phase.learnerCode) return notRun({ kind: "timeout", message: text.watchdog(limits.submissionMs), location: null }, "failed");
    const death = classifyWorkerDeath(code, signal, phase.learnerCode ? "sandbox" : "host", slot.stderrTail);
    if (death.cause === "learner") {
      const message = death.kind === "memory" ? text.workerOutOfMemory(limits.memoryMb, scrubHostPaths(death.detail)) : text.workerCrashed(scrubHostPaths(death.detail));
      return notRun({ kind: death.kind, message, location: null }, "failed");
    }
    job.deaths += 1;
    if (job.deaths < maxWorkerDeaths) return null;
    return reportFor(subject, { kind: "crash", message: text.killedRepeatedly(job.deaths), location: null }, "error");
  }

  for (let i = 0; i < size; i++) spawn();

  const checkers = createTypeCheckPool({ checkers: options.typeCheckers ?? 2, budgetMs: limits.typeCheckMs, maxQueued: 32 });

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
        queue.push({ id, enqueuedAt: performance.now(), startedAt: 0, dispatchedAt: 0, deaths: 0, resolve, message: { type: "grade", id, job: { ...request, exercisesRoot: root }, limits } });
        dispatch();
      });
    },

    typeCheck(slug: string, source: string): Promise<TypeCheckResult> {
      if (closed) return Promise.reject(new Error(messages.en.poolClosed));
      if (!findExercise(slug, root)) return Promise.reject(new Error(messages.en.unknownExercise(slug)));
      if (sourceTooLarge(source, limits.sourceBytes, "en")) return Promise.resolve({ warnings: [], notice: null });
      return checkers.check(source);
    },

    prewarm(seedsFor: (slug: string) => number[]): void {
      if (closed) return;
      // The editor's first live type check should not wait for a checker to start and load TypeScript.
      checkers.warm();
      const only = options.prewarmSlugs ?? process.env.LACUNA_GRADER_PREWARM_SLUGS?.split(",").map((slug) => slug.trim()).filter(Boolean);
      const seedsBySlug = loadCatalog(root)
        .filter((entry) => !only?.length || only.includes(entry.meta.slug))
        .map((entry) => ({ slug: entry.meta.slug, seeds: seedsFor(entry.meta.slug) }));
      warmMessage = { type: "warm", exercisesRoot: root, seedsBySlug, start: only?.length ? "now" : "on-first-job", limits };
      for (const slot of slots) {
        slot.warming = 1; // until the worker counts its tasks (a worker still starting gets them when ready)
        if (slot.ready) slot.child.send(warmMessage);
      }
    },

    stats(): PoolStats {
      return {
        workers: slots.map((s) => ({ pid: s.child.pid, busy: s.job !== null, ready: s.ready, learnerCode: s.job !== null && phaseOf(s, s.job).learnerCode })),
        queued: queue.length,
        graded,
        restarts,
        watchdogKills,
        warming: slots.reduce((sum, s) => sum + s.warming, 0),
      };
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) {
        job.resolve(retryableReportFor(job.message.job, { kind: "internal", message: messages[job.message.job.lang].poolClosed, location: null }));
      }
      const children = slots.map((s) => s.child);
      await checkers.close();
      await Promise.all(children.map((child) => killAndWait(child)));
      rmSync(boardDir, { recursive: true, force: true });
    },
  };
}
