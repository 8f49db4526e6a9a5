/**
 * bench/queue: how long the PostgreSQL grading queue (pg-boss, lib/grading/queue/pg-boss.ts) takes to drain
 * 1,000 jobs with 1 and with 2 worker processes (`npm run worker`'s script, one sandbox process each).
 *
 * For each worker count: a fresh database on the PostgreSQL server (LACUNA_TEST_PG_URL, default the local one
 * on 127.0.0.1:5432), the workers started and ready (idle), then 1,000 submissions of linear-regression-cost's
 * solution (every 4th a "submit" on a hidden seed, the rest "run"s) stored and enqueued in ONE transaction, so
 * every job becomes visible at its commit; timed from that commit until every row is graded. Printed, never
 * asserted (speed goals live in bench/, not in tests). Figures depend on the machine's load: the output shows
 * the load average at the start and end of each run.
 *
 *   npm run bench:queue                       # table
 *   npm run bench:queue -- --jobs 500 --workers 1,2,4
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parseGradingConfig } from "../lib/grading/config";
import { createGradingQueue } from "../lib/grading/queue";
import { createTestDb } from "../tests/helpers/db";
import { costSlug, costSolution, createLearner } from "../tests/api/helpers";
import { waitUntil } from "../tests/durability/helpers";
import { startWorker, type WorkerProcess } from "../tests/scale/helpers";

const argsSchema = z.object({
  jobs: z.coerce.number().int().min(1).max(100_000),
  workers: z.array(z.coerce.number().int().min(1).max(16)).min(1),
});

function parse() {
  const { values } = parseArgs({ options: { jobs: { type: "string", default: "1000" }, workers: { type: "string", default: "1,2" } } });
  const parsed = argsSchema.safeParse({ jobs: values.jobs, workers: values.workers.split(",") });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  return parsed.data;
}

interface Run {
  workers: number;
  jobs: number;
  drainMs: number;
  load: [number, number];
}

async function drain(workerCount: number, jobs: number): Promise<Run> {
  const t = await createTestDb("postgres");
  const queue = createGradingQueue(t.db, t.url, { config: parseGradingConfig({}) });
  const workers: WorkerProcess[] = [];
  try {
    // pg-boss's schema and the queues exist before the workers start.
    await queue.depth();
    for (let i = 0; i < workerCount; i++) workers.push(await startWorker(t.url, { LACUNA_QUEUE_EXPIRE_S: "120", LACUNA_QUEUE_MAINTENANCE_S: "15" }));
    const learner = await createLearner(t.db, "bench-queue");
    const source = costSolution();
    const loadBefore = os.loadavg()[0]!;
    const ids = await t.db.$transaction(
      async (tx) => {
        const rows = await tx.submission.createManyAndReturn({
          data: Array.from({ length: jobs }, (_, i) => ({
            userId: learner.id,
            exerciseSlug: costSlug,
            kind: i % 4 === 0 ? "submit" : "run",
            source,
            lang: "en",
            seed: 1,
            status: "queued",
          })),
          select: { id: true },
        });
        for (const row of rows) await queue.enqueue(tx, row.id);
        return rows.map((row) => row.id);
      },
      { timeout: 300_000, maxWait: 60_000 },
    );
    const committed = Date.now();
    await waitUntil(async () => (await t.db.submission.count({ where: { id: { in: ids }, status: { in: ["graded", "error"] } } })) === jobs, 1_800_000, () => "", 100);
    const drainMs = Date.now() - committed;
    return { workers: workerCount, jobs, drainMs, load: [loadBefore, os.loadavg()[0]!] };
  } finally {
    for (const worker of workers) await worker.stop();
    await queue.close();
    await t.drop();
  }
}

async function main(): Promise<void> {
  const args = parse();
  const runs: Run[] = [];
  for (const workers of args.workers) {
    console.error(`[bench:queue] ${args.jobs} jobs, ${workers} worker process(es)…`);
    runs.push(await drain(workers, args.jobs));
  }
  const base = runs[0]!.drainMs;
  console.log(`\nqueue drain on PostgreSQL (pg-boss), ${os.availableParallelism()} cores, ${new Date().toISOString()}`);
  console.log("| worker processes | jobs | drain time | jobs/s | vs first row | load (1 min) start → end |");
  console.log("|---|---|---|---|---|---|");
  for (const run of runs) {
    console.log(
      `| ${run.workers} | ${run.jobs} | ${(run.drainMs / 1000).toFixed(1)} s | ${((run.jobs * 1000) / run.drainMs).toFixed(1)} | ${(base / run.drainMs).toFixed(2)}× | ${run.load[0].toFixed(1)} → ${run.load[1].toFixed(1)} |`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
