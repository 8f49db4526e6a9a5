// The web process's side of operations, framework-free so tests call it with a Request and read the Response
// the route would send: GET /api/health, /api/ready and /api/metrics (app/api/*/route.ts are one line each).
import { getDb, type Db } from "../db";
import { databaseUrlOf, isPostgresUrl } from "../env";
import { gradingConfig } from "../grading/config";
import { queueDepth } from "../grading/queue";
import { clientAddress } from "../sign-in-throttle";
import { metricsAccess, READY_RETRY_AFTER_S } from "./core";
import { getMetrics, metricsExposition, type QueueDepthSource } from "./metrics";
import { checkReadiness, daemonCheck, databaseCheck, postgresWorkersCheck, queueCheck, type Check } from "./readiness";
import { parseObservabilityConfig } from "./schema";

const noStore = { "cache-control": "no-store" };

/** Liveness: the process answers. Touches no database, so a database outage never restarts web processes. */
export function healthResponse(): Response {
  return Response.json({ status: "ok", pid: process.pid, uptimeS: Math.round(process.uptime()) }, { headers: noStore });
}

/**
 * What readiness checks on this deployment: the database, the grading queue's depth, and the graders (SQLite:
 * the local grading daemon's /health; PostgreSQL: some worker connected to the database).
 */
export function readinessChecks(
  options: { db?: Db; depth?: QueueDepthSource; postgres?: boolean; daemonPort?: number } = {},
): Record<string, Check> {
  const db = options.db ?? getDb();
  const postgres = options.postgres ?? isPostgresUrl(databaseUrlOf());
  return {
    database: databaseCheck(db),
    queue: queueCheck(options.depth ?? queueDepth),
    workers: postgres ? postgresWorkersCheck(db) : daemonCheck(options.daemonPort ?? gradingConfig().LACUNA_GRADER_PORT),
  };
}

/** Readiness: 200 with each check, or 503 + Retry-After when one failed. */
export async function readyResponse(checks: Record<string, Check> = readinessChecks()): Promise<Response> {
  const readiness = await checkReadiness(checks);
  const ready = readiness.status === "ready";
  return Response.json(readiness, { status: ready ? 200 : 503, headers: ready ? noStore : { ...noStore, "retry-after": String(READY_RETRY_AFTER_S) } });
}

/** The web process's metrics once its sources are wired (queue depth from the database). */
function webMetrics() {
  const metrics = getMetrics();
  const wired = globalThis as typeof globalThis & { __lacunaWebMetricsWired?: boolean };
  if (!wired.__lacunaWebMetricsWired) {
    metrics.setQueueDepthSource(queueDepth);
    wired.__lacunaWebMetricsWired = true;
  }
  return metrics;
}

/** GET /api/metrics: Prometheus text to 127.0.0.1 or a bearer of LACUNA_METRICS_TOKEN; 401/403 with the reason otherwise. */
export async function metricsResponse(request: Request, token = parseObservabilityConfig().LACUNA_METRICS_TOKEN): Promise<Response> {
  const access = metricsAccess({ authorization: request.headers.get("authorization"), clientAddress: clientAddress(request.headers) }, token);
  if (!access.allowed) {
    return Response.json({ error: access.reason, code: access.status === 401 ? "unauthorized" : "forbidden" }, { status: access.status, headers: access.status === 401 ? { "www-authenticate": 'Bearer realm="metrics"' } : {} });
  }
  const { contentType, body } = await metricsExposition(webMetrics());
  return new Response(body, { headers: { "content-type": contentType, ...noStore } });
}
