// A grader process on the configured database's queue (lib/grading/queue): on SQLite the daemon that claims
// queued rows, on PostgreSQL a pg-boss worker.
//   `npm start` runs it as its `grader` sidecar, serving the control port 127.0.0.1:LACUNA_GRADER_PORT
//   (type checks, visible-case runs, /wake on SQLite, /health).
//   `npm run worker` (this script with --worker) is one more grader, without the control port: run any number,
//   on any machine that reaches the database (PostgreSQL; on SQLite only beside the database file).
// Env: DATABASE_URL / LACUNA_DATA_DIR as the web server, LACUNA_GRADER_WORKERS (sandbox processes, default CPU
// cores), LACUNA_GRADER_POLL_MS (default 1000), LACUNA_GRADER_PREWARM=0 (no cache warm-up; by default each
// exercise's seeds are warmed from its first job on), LACUNA_GRADER_PREWARM_SLUGS (a,b: warmed at start), the
// LACUNA_QUEUE_* settings (lib/grading/config.ts), LACUNA_LOG_LEVEL, and for a worker LACUNA_METRICS_PORT / LACUNA_METRICS_HOST /
// LACUNA_METRICS_TOKEN (its GET /metrics; the daemon serves /metrics on its control port). Logs: JSON lines (pino)
// on stdout, each grade's line with its submission's request id. SIGTERM/SIGINT: finishes what it grades (or
// re-queues it), then exits.
import { createGraderPool } from "../grader/index";
import { createDb } from "../lib/db";
import { databaseUrlOf, EnvError, parseEnv } from "../lib/env";
import { parseGradingConfig } from "../lib/grading/config";
import { createGradingQueue } from "../lib/grading/queue/index";
import { observeGradingProcess, serveMetrics } from "../lib/observability/grading";
import { createLogger, errorText, setProcessLogger } from "../lib/observability/log";
import { parseObservabilityConfig } from "../lib/observability/schema";

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const config = parseGradingConfig(process.env);
  const asWorker = process.argv.includes("--worker");
  const observability = parseObservabilityConfig(process.env);
  const logger = setProcessLogger(createLogger({ service: asWorker ? "worker" : "grader", level: observability.LACUNA_LOG_LEVEL }));
  const url = databaseUrlOf(env);
  const db = createDb(url);
  const queue = createGradingQueue(db, url, { config });
  const pool = createGraderPool({ workers: config.LACUNA_GRADER_WORKERS });
  const prewarm = process.env.LACUNA_GRADER_PREWARM !== "0";
  const daemon = queue.worker({
    pool,
    concurrency: config.LACUNA_GRADER_WORKERS,
    port: asWorker ? null : config.LACUNA_GRADER_PORT,
    pollMs: config.LACUNA_GRADER_POLL_MS,
    ...(prewarm ? {} : { warmSeeds: () => [] }),
  });
  observeGradingProcess({ queue, pool });
  // A worker has no control port: its metrics get a port of their own when asked for (the daemon serves /metrics).
  const metricsServer =
    asWorker && observability.LACUNA_METRICS_PORT
      ? await serveMetrics({ port: observability.LACUNA_METRICS_PORT, host: observability.LACUNA_METRICS_HOST, token: observability.LACUNA_METRICS_TOKEN, health: () => daemon.stats() })
      : null;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping`);
    daemon
      .stop()
      .then(() => metricsServer?.close())
      .then(() => queue.close())
      .then(() => db.$disconnect())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, `stopping failed: ${errorText(error)}`);
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  try {
    const { port, recovered } = await daemon.start();
    logger.info(
      { engine: queue.engine, port, metricsPort: metricsServer?.port ?? null, sandboxWorkers: config.LACUNA_GRADER_WORKERS, recovered },
      `${queue.engine} ${port === null ? "worker" : `listening on 127.0.0.1:${port}`} with ${config.LACUNA_GRADER_WORKERS} sandbox worker(s); recovered ${recovered.requeued} re-queued, ${recovered.gaveUp} given up`,
    );
  } catch (error) {
    await pool.close();
    await queue.close();
    await metricsServer?.close();
    await db.$disconnect();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
