// Readiness and the request id on PostgreSQL with the real pg-boss queue and a real grader worker: not ready
// while no worker is connected, ready once one is, and not ready again after it stops; a submission's request
// id reaches the worker's `graded` log line through the queue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GraderPool } from "@/grader/index";
import { gradingConfig } from "@/lib/grading/config";
import type { GradingDaemon } from "@/lib/grading/daemon";
import { createGradingQueue, type GradingQueue } from "@/lib/grading/queue";
import { createSubmission } from "@/lib/grading/service";
import { observeGradingProcess } from "@/lib/observability/grading";
import { readinessChecks, readyResponse } from "@/lib/observability/web";
import { costSlug, costSolution, createLearner, waitForFinished } from "@/tests/api/helpers";
import { waitUntil } from "@/tests/durability/helpers";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { capturedLogger } from "./helpers";

let t: TestDb;
let queue: GradingQueue;
let pool: GraderPool;
let worker: GradingDaemon | null = null;
const { logger, lines } = capturedLogger("worker");

beforeAll(async () => {
  t = await createTestDb("postgres");
  queue = createGradingQueue(t.db, t.url, { config: gradingConfig() });
  pool = createGraderPool({ workers: 1 });
});
afterAll(async () => {
  await worker?.stop();
  await pool?.close();
  await queue?.close();
  await t?.drop();
});

const readiness = async () => {
  const response = await readyResponse(readinessChecks({ db: t.db, depth: () => queue.depth(), postgres: true }));
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
};

describe("readiness on PostgreSQL follows the grader workers", () => {
  it("is 503 without a worker, 200 with one (and its grade carries the request id), 503 once it stopped", async () => {
    const before = await readiness();
    expect(before).toMatchObject({ status: 503, retryAfter: "5", body: { status: "not-ready", checks: { database: { ok: true }, queue: { ok: true, detail: expect.stringMatching(/^pg-boss: 0 waiting, 0 being graded, 0 dead-lettered$/) } } } });
    expect(before.body.checks.workers).toMatchObject({ ok: false, detail: "no grader worker is connected to the database (start one: npm run worker)" });

    const unobserve = observeGradingProcess({ queue, pool, logger });
    worker = queue.worker({ pool, concurrency: 1, port: null, pollMs: 200, ownsPool: false, log: () => undefined, warmSeeds: () => [] });
    await worker.start();
    try {
      const ready = await readiness();
      expect(ready.status, JSON.stringify(ready.body)).toBe(200);
      expect(ready.body.checks.workers.detail).toMatch(/^\d+ worker connection\(s\) from 1 host\(s\)$/);

      const learner = await createLearner(t.db);
      const created = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "submit" }, { queue, requestId: "req-pg-5d1e" });
      expect(created.status).toBe(202);
      const id = (created.body as { id: string }).id;
      expect((await waitForFinished(t.db, id)).status).toBe("graded");
      await waitUntil(() => lines.some((line) => line.msg === "graded" && line.submissionId === id), 30_000);
      expect(lines.find((line) => line.msg === "graded" && line.submissionId === id)).toMatchObject({ requestId: "req-pg-5d1e", service: "worker", grade: "passed" });
    } finally {
      unobserve();
      await worker.stop();
      worker = null;
    }
    // pg-boss closes its connections when the worker stops.
    await waitUntil(async () => (await readiness()).status === 503, 30_000);
    expect((await readiness()).body.checks.workers.ok).toBe(false);
  });
});
