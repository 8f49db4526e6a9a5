// A sandbox worker killed from outside (an operator's kill, the OOM killer picking it) while it grades is not
// the submission's fault: the submission is graded on a fresh worker, never stored as an error. And a stop of
// the daemon while it grades re-queues what it was grading, uncounted, for the next daemon.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool } from "@/grader/index";
import { createGradingDaemon } from "@/lib/grading/daemon";
import { createSubmission } from "@/lib/grading/service";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { costSlug, costSolution, createLearner, waitForFinished } from "../api/helpers";
import { waitUntil } from "./helpers";

// Runs long enough (a busy loop well inside the per-case budget) that the test can act while it is graded.
const slowSolution = () => costSolution().replace(/\{/, "{ const until = Date.now() + 150; while (Date.now() < until) {}");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("sqlite");
});
afterAll(async () => {
  await t?.drop();
});

async function submit(userId: string, source: string): Promise<string> {
  const created = await createSubmission(t.db, userId, { slug: costSlug, source, kind: "submit" }, { wake: () => undefined, rate: { limit: 1000, windowMs: 30_000 } });
  expect(created.status).toBe(202);
  return (created.body as { id: string }).id;
}

describe("grades survive what happens to the processes grading them", () => {
  it("a worker killed from outside mid-grade: graded on a fresh worker, not an error", async () => {
    const pool = createGraderPool({ workers: 1 });
    const daemon = createGradingDaemon({ db: t.db, pool, concurrency: 1, port: null, pollMs: 200, log: () => undefined, warmSeeds: () => [] });
    try {
      const learner = await createLearner(t.db, "worker-death");
      const id = await submit(learner.id, slowSolution());
      await daemon.start();
      await waitUntil(() => pool.stats().workers.some((w) => w.busy), 60_000);
      const busy = pool.stats().workers.find((w) => w.busy)!;
      process.kill(busy.pid!, "SIGKILL");
      const row = await waitForFinished(t.db, id, 90_000);
      expect(row).toMatchObject({ status: "graded", passed: true, error: null });
      expect(pool.stats().restarts).toBeGreaterThanOrEqual(1);
    } finally {
      await daemon.stop();
    }
  }, 180_000);

  it("a stop mid-grade re-queues (attempt not counted); the next daemon grades it; nothing is an error", async () => {
    const learner = await createLearner(t.db, "stopped");
    const ids = await Promise.all([1, 2, 3, 4].map(() => submit(learner.id, slowSolution())));
    const firstPool = createGraderPool({ workers: 2 });
    const first = createGradingDaemon({ db: t.db, pool: firstPool, concurrency: 2, port: null, pollMs: 200, log: () => undefined, warmSeeds: () => [], shutdownGraceMs: 0 });
    await first.start();
    await waitUntil(async () => (await t.db.submission.count({ where: { id: { in: ids }, status: "running" } })) > 0, 60_000);
    await first.stop();
    const afterStop = await t.db.submission.findMany({ where: { id: { in: ids } } });
    expect(afterStop.filter((r) => r.status === "error" || r.status === "running")).toEqual([]);
    expect(afterStop.some((r) => r.status === "queued")).toBe(true);
    for (const r of afterStop) expect(r.gradingAttempts).toBe(r.status === "queued" ? 0 : 1);

    const second = createGradingDaemon({ db: t.db, pool: createGraderPool({ workers: 2 }), concurrency: 2, port: null, pollMs: 200, log: () => undefined, warmSeeds: () => [] });
    try {
      await second.start();
      const rows = await Promise.all(ids.map((id) => waitForFinished(t.db, id, 90_000)));
      expect(rows.map((r) => r.status)).toEqual(ids.map(() => "graded"));
    } finally {
      await second.stop();
    }
  }, 240_000);
});
