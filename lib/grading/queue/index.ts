// The grading queue the app uses, chosen by DATABASE_URL: SQLite → the in-process daemon (sqlite.ts),
// PostgreSQL → pg-boss (pg-boss.ts). Everything else talks to the GradingQueue interface (types.ts).
import { getDb, type Db } from "../../db";
import { databaseUrlOf, isPostgresUrl } from "../../env";
import { signalDaemon } from "../client";
import { gradingConfig, type GradingConfig } from "../config";
import { createPgBossQueue } from "./pg-boss";
import { createDaemonQueue } from "./sqlite";
import type { GradingQueue } from "./types";

export type { GradingQueue, QueueDepth, QueueEngine, WorkerOptions } from "./types";

export function createGradingQueue(
  db: Db,
  databaseUrl: string,
  options: { config?: GradingConfig; wake?: () => unknown } = {},
): GradingQueue {
  const config = options.config ?? gradingConfig();
  if (isPostgresUrl(databaseUrl)) return createPgBossQueue(db, databaseUrl, config);
  // A caller's own wake-up means a daemon in this process (tests): no notices to follow over HTTP.
  return options.wake ? createDaemonQueue(db, options.wake) : createDaemonQueue(db, () => signalDaemon(config.LACUNA_GRADER_PORT), config.LACUNA_GRADER_PORT);
}

// Kept on globalThis so Next's dev-mode module reloading does not open a second LISTEN connection.
const holder = globalThis as typeof globalThis & { __lacunaGradingQueue?: GradingQueue };

/** The process-wide queue on the process-wide database client (lib/db.ts getDb). */
export function gradingQueue(): GradingQueue {
  holder.__lacunaGradingQueue ??= createGradingQueue(getDb(), databaseUrlOf());
  return holder.__lacunaGradingQueue;
}

/** Jobs waiting, being graded and given up, whichever queue runs (for /api/ready and metrics). */
export function queueDepth(): ReturnType<GradingQueue["depth"]> {
  return gradingQueue().depth();
}
