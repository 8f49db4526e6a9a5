// The grading daemon process: `npm start` runs it next to the web server (scripts/start.ts sidecars()).
// Run alone: `node --import tsx scripts/grading-daemon.ts` with the same DATABASE_URL / LACUNA_DATA_DIR as
// the web server. Env: LACUNA_GRADER_PORT (control port, default 3901), LACUNA_GRADER_WORKERS (default: CPU
// cores), LACUNA_GRADER_POLL_MS (default 1000). SIGTERM/SIGINT: finishes what it grades, then exits.
import { createGraderPool } from "../grader/index";
import { createDb } from "../lib/db";
import { databaseUrlOf, EnvError, parseEnv } from "../lib/env";
import { parseGradingConfig } from "../lib/grading/config";
import { createGradingDaemon } from "../lib/grading/daemon";

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const config = parseGradingConfig(process.env);
  const db = createDb(databaseUrlOf(env));
  const pool = createGraderPool({ workers: config.LACUNA_GRADER_WORKERS });
  const daemon = createGradingDaemon({
    db,
    pool,
    concurrency: config.LACUNA_GRADER_WORKERS,
    port: config.LACUNA_GRADER_PORT,
    pollMs: config.LACUNA_GRADER_POLL_MS,
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[grader] ${signal}: stopping`);
    daemon
      .stop()
      .then(() => db.$disconnect())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error("[grader] stopping failed:", error);
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  try {
    const { port, recovered } = await daemon.start();
    console.log(
      `[grader] listening on 127.0.0.1:${port} with ${config.LACUNA_GRADER_WORKERS} worker(s); recovered ${recovered.requeued} re-queued, ${recovered.gaveUp} given up`,
    );
  } catch (error) {
    await pool.close();
    await db.$disconnect();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
