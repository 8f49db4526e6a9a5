// What GET /api/ready checks, each bounded in time so the answer never hangs while a dependency is down:
// the database answers a query, and the grading side can take work (SQLite: the grading daemon's /health
// answers with a started worker; PostgreSQL: the queue is readable and some worker is alive).
import type { Db } from "../db";
import { readinessOf, type CheckResult, type Readiness } from "./core";
import { errorText } from "./log";
import type { QueueDepthSource } from "./metrics";

/** A dependency that has not answered in this long counts as down. */
export const CHECK_TIMEOUT_MS = 2_000;

export type Check = () => Promise<string>;

/** Runs `check` (it resolves with a detail, or throws why it failed) with a deadline. */
export async function runCheck(check: Check, timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const detail = await Promise.race([check(), deadline]);
    return { ok: true, ms: Math.round(performance.now() - started), detail };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), detail: errorText(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Every check at once; the verdict is "ready" only if all passed. */
export async function checkReadiness(checks: Record<string, Check>, timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  const entries = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const));
  return readinessOf(Object.fromEntries(entries));
}

export function databaseCheck(db: Db): Check {
  return async () => {
    await db.$queryRaw`SELECT 1`;
    return "answers";
  };
}

/** The grading queue answers with its depth (lib/grading/queue: the rows on SQLite, pg-boss's jobs on PostgreSQL). */
export function queueCheck(depth: QueueDepthSource): Check {
  return async () => {
    const { engine, waiting, active, deadLettered } = await depth();
    return `${engine}: ${waiting} waiting, ${active} being graded${deadLettered === null ? "" : `, ${deadLettered} dead-lettered`}`;
  };
}

/** pg-boss workers connect with this application_name (lib/grading/queue/pg-boss.ts). */
export const WORKER_APPLICATION_NAME = "lacuna-worker";

/**
 * PostgreSQL: some grader worker (`npm start`'s or `npm run worker`, on any machine) is connected to this
 * database: its pg-boss connections show in pg_stat_activity under WORKER_APPLICATION_NAME.
 */
export function postgresWorkersCheck(db: Db): Check {
  return async () => {
    const [row] = await db.$queryRaw<{ connections: bigint | number; hosts: bigint | number }[]>`
      SELECT count(*) AS connections, count(DISTINCT coalesce(host(client_addr), 'local')) AS hosts FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = ${WORKER_APPLICATION_NAME}`;
    const connections = Number(row?.connections ?? 0);
    if (connections === 0) throw new Error("no grader worker is connected to the database (start one: npm run worker)");
    return `${connections} worker connection(s) from ${Number(row?.hosts ?? 0)} host(s)`;
  };
}

/** The grading daemon's GET /health on 127.0.0.1:`port`: it answers and at least one sandbox worker is up. */
export function daemonCheck(port: number): Check {
  return async () => {
    let response: Response;
    try {
      response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : errorText(error);
      throw new Error(`the grading daemon on 127.0.0.1:${port} does not answer (${cause})`);
    }
    const body = (await response.json().catch(() => null)) as { pool?: { workers?: { ready?: boolean }[] } } | null;
    if (!response.ok) throw new Error(`the grading daemon answered ${response.status}`);
    const workers = body?.pool?.workers ?? [];
    const ready = workers.filter((w) => w.ready).length;
    if (ready === 0) throw new Error(`the grading daemon has no sandbox worker ready (${workers.length} starting)`);
    return `${ready} of ${workers.length} sandbox workers ready`;
  };
}
