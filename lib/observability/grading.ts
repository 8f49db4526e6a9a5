// The grading processes' side of operations (scripts/grading-daemon.ts: the daemon and `npm run worker`):
// every grading event (lib/grading/observe.ts) becomes metrics and one log line carrying the submission's
// request id; the queue depth and the pool's watchdog kills are read at each scrape; a worker without the
// daemon's control port can serve its metrics on a port of its own (LACUNA_METRICS_PORT).
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { GraderPool } from "../../grader/index";
import { onGradingEvent, type GradingEvent } from "../grading/observe";
import type { GradingQueue } from "../grading/queue/types";
import { metricsAccess } from "./core";
import { getLogger, requestLogger, type Logger } from "./log";
import { getMetrics, metricsExposition, observeGrade, type Metrics } from "./metrics";

/** Metrics and a log line for one grading event. */
export function recordGradingEvent(event: GradingEvent, logger: Logger = getLogger(), metrics: Metrics = getMetrics()): void {
  const log = requestLogger(event.requestId, logger);
  if (event.type === "stored") {
    const latencyMs = event.waitMs === null ? null : event.waitMs + event.gradeMs;
    observeGrade({ kind: event.kind, outcome: event.status, latencyMs, gradeMs: event.gradeMs, report: event.report }, metrics);
    const report = event.report;
    log.info(
      { submissionId: event.submissionId, kind: event.kind, status: event.status, grade: report?.status ?? null, score: report?.score ?? null, waitMs: event.waitMs, gradeMs: event.gradeMs, attempt: event.attempt },
      "graded",
    );
    return;
  }
  const outcome = event.type === "retry" ? "retried" : "given-up";
  metrics.grades.inc({ kind: event.kind === "submit" ? "submit" : "run", outcome });
  const line = { submissionId: event.submissionId, kind: event.kind, reason: event.reason };
  if (event.type === "retry") log.warn(line, "grading failed outside the submission; graded again later");
  else log.error(line, "grading given up");
}

/** Wires this grading process's metrics and grading log; returns the function that unwires them. */
export function observeGradingProcess(options: { queue: Pick<GradingQueue, "depth">; pool: Pick<GraderPool, "stats">; logger?: Logger; metrics?: Metrics }): () => void {
  const metrics = options.metrics ?? getMetrics();
  metrics.setQueueDepthSource(() => options.queue.depth());
  metrics.setWatchdogKillsSource(() => options.pool.stats().watchdogKills);
  const stop = onGradingEvent((event) => recordGradingEvent(event, options.logger ?? getLogger(), metrics));
  return () => {
    stop();
    metrics.setQueueDepthSource(null);
    metrics.setWatchdogKillsSource(null);
  };
}

/**
 * GET /metrics (and GET /health) on `host:port`, for a worker that has no control port. The caller's real
 * socket address decides: loopback, or a bearer of `token`. Resolves with the bound port once listening.
 */
export async function serveMetrics(options: { port: number; host: string; token: string | undefined; health?: () => unknown }): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    const reply = (status: number, body: string, type = "application/json") => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    if (req.method !== "GET" || (req.url !== "/metrics" && req.url !== "/health")) return reply(404, JSON.stringify({ error: "GET /metrics or GET /health" }));
    if (req.url === "/health") return reply(200, JSON.stringify(options.health?.() ?? { status: "ok" }));
    const access = metricsAccess({ authorization: req.headers.authorization ?? null, clientAddress: req.socket.remoteAddress ?? "" }, options.token);
    if (!access.allowed) return reply(access.status, JSON.stringify({ error: access.reason }));
    metricsExposition().then(
      ({ contentType, body }) => reply(200, body, contentType),
      (error: unknown) => reply(500, JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`LACUNA_METRICS_PORT ${options.port} on ${options.host} is in use: give each worker its own port`) : error),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
