// Prometheus metrics (prom-client): one registry per process, kept on globalThis because Next bundles route
// handlers separately and they must count into the same instruments. The web process serves it at
// GET /api/metrics, the grading daemon (and worker) at GET /metrics on its own port. Names: README "Operations".
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { GradeReport } from "../../grader/report";
import type { QueueDepth } from "../grading/queue/types";
import { sandboxEventsOf } from "./core";

/** Seconds: from a 5 ms page to a 30 s stream, and grades from a few ms to the 2-minute worst case. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const GRADE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** The grading queue's depth right now (lib/grading/queue: GradingQueue.depth). */
export type QueueDepthSource = () => Promise<QueueDepth>;

/** A registry with every instrument (one per process: getMetrics; tests make their own). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "lacuna_" });
  const registers = [registry];
  let depthSource: QueueDepthSource | null = null;
  let watchdogKillsSource: (() => number) | null = null;
  let watchdogKillsSeen = 0;
  const metrics = {
    registry,
    httpDuration: new Histogram({
      name: "lacuna_http_request_duration_seconds",
      help: "HTTP requests by method, route pattern (as in app/, e.g. /api/submissions/[id]) and status, in seconds",
      labelNames: ["method", "route", "status"] as const,
      buckets: HTTP_BUCKETS,
      registers,
    }),
    queueDepth: new Gauge({
      name: "lacuna_grading_queue_depth",
      help: "Grading jobs waiting (state=waiting), being graded (state=active) and given up (state=dead_lettered, PostgreSQL)",
      labelNames: ["state"] as const,
      registers,
      async collect() {
        if (!depthSource) return;
        try {
          const depth = await depthSource();
          this.set({ state: "waiting" }, depth.waiting);
          this.set({ state: "active" }, depth.active);
          if (depth.deadLettered !== null) this.set({ state: "dead_lettered" }, depth.deadLettered);
        } catch {
          this.reset(); // the database is down: no value rather than a stale one
        }
      },
    }),
    gradingWait: new Histogram({
      name: "lacuna_grading_latency_seconds",
      help: "From a submission being stored (queued) to its grade being stored, in seconds",
      labelNames: ["kind"] as const,
      buckets: GRADE_BUCKETS,
      registers,
    }),
    gradeDuration: new Histogram({
      name: "lacuna_grade_duration_seconds",
      help: "Time the grader pool spent on one submission (waiting for a worker included), in seconds",
      labelNames: ["kind"] as const,
      buckets: GRADE_BUCKETS,
      registers,
    }),
    grades: new Counter({
      name: "lacuna_grades_total",
      help: "Grades by kind (run, submit) and outcome (graded, error; retried: queued again, not the submission's fault; given-up: failed too often)",
      labelNames: ["kind", "outcome"] as const,
      registers,
    }),
    sandboxTimeouts: new Counter({
      name: "lacuna_sandbox_timeouts_total",
      help: "Time limits hit by learner code: scope=case (one case's limit) or scope=submission (the whole budget, or the watchdog)",
      labelNames: ["scope"] as const,
      registers,
    }),
    sandboxKills: new Counter({
      name: "lacuna_sandbox_kills_total",
      help: "Sandbox worker processes that died on learner code: reason=watchdog (killed past its budget), memory, crash",
      labelNames: ["reason"] as const,
      registers,
      collect() {
        if (!watchdogKillsSource) return;
        const total = watchdogKillsSource();
        if (total > watchdogKillsSeen) this.inc({ reason: "watchdog" }, total - watchdogKillsSeen);
        watchdogKillsSeen = Math.max(watchdogKillsSeen, total);
      },
    }),
    /** Where lacuna_grading_queue_depth reads from (each process sets its own; none → no value). */
    setQueueDepthSource(source: QueueDepthSource | null): void {
      depthSource = source;
    },
    /** The grader pool's running count of watchdog kills (PoolStats.watchdogKills), read at each scrape. */
    setWatchdogKillsSource(source: (() => number) | null): void {
      watchdogKillsSource = source;
      watchdogKillsSeen = 0;
    },
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

const holder = globalThis as typeof globalThis & { __lacunaMetrics?: Metrics };

/** The process's metrics. */
export function getMetrics(): Metrics {
  holder.__lacunaMetrics ??= createMetrics();
  return holder.__lacunaMetrics;
}

export interface GradeObservation {
  kind: string;
  /** From the submission being stored to its grade being stored, in ms (null: not stored, e.g. retried). */
  latencyMs: number | null;
  /** From the claim to the stored grade: the sandbox and the database, in ms. */
  gradeMs: number;
  outcome: "graded" | "error" | "retried" | "given-up";
  report: Pick<GradeReport, "runtimeError" | "cases"> | null;
}

/** Counts one grade: latency histograms, the outcome, and what the report says about the sandbox. */
export function observeGrade(observation: GradeObservation, metrics: Metrics = getMetrics()): void {
  const kind = observation.kind === "submit" ? "submit" : "run";
  metrics.grades.inc({ kind, outcome: observation.outcome });
  metrics.gradeDuration.observe({ kind }, observation.gradeMs / 1000);
  if (observation.latencyMs !== null) metrics.gradingWait.observe({ kind }, Math.max(0, observation.latencyMs) / 1000);
  if (!observation.report) return;
  const events = sandboxEventsOf(observation.report);
  if (events.caseTimeouts) metrics.sandboxTimeouts.inc({ scope: "case" }, events.caseTimeouts);
  if (events.submissionTimeout) metrics.sandboxTimeouts.inc({ scope: "submission" });
  if (events.workerDeath) metrics.sandboxKills.inc({ reason: events.workerDeath });
}

/** The exposition text and its content type, for whichever HTTP server serves it. */
export async function metricsExposition(metrics: Metrics = getMetrics()): Promise<{ contentType: string; body: string }> {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
