// The grading queue on PostgreSQL (pg-boss, lib/grading/queue/pg-boss.ts) against the real server on
// 127.0.0.1:5432, each test on its own database: the job is enqueued in the submission's own transaction, a
// grade reaches the event stream by NOTIFY, a job delivered twice is graded once, a failure outside the
// submission is retried and then dead-lettered; then two worker processes and
// 1,000 queued submissions with one worker killed (kill -9) midway: every submission graded exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createGraderPool } from "@/grader/index";
import { submissionEventStream } from "@/lib/grading/events";
import { createGradingQueue, type GradingQueue } from "@/lib/grading/queue";
import { DEAD_LETTER_QUEUE, GRADING_QUEUE } from "@/lib/grading/queue/pg-boss";
import { parseGradingConfig } from "@/lib/grading/config";
import { createSubmission } from "@/lib/grading/service";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { costSlug, costSolution, createLearner, waitForFinished } from "../api/helpers";
import { waitUntil } from "../durability/helpers";
import { countByStatus, enqueueSubmissions, FAST_QUEUE_ENV, readStream, startWorker } from "./helpers";

const config = parseGradingConfig({ ...FAST_QUEUE_ENV });
const rate = { limit: 1_000_000, windowMs: 1000 };

async function jobStates(url: string, ids: string[], queueName = GRADING_QUEUE): Promise<{ submissionId: string; state: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ submissionId: string; state: string }>(
      `SELECT data->>'submissionId' AS "submissionId", state::text AS state FROM pgboss.job WHERE name = $1 AND data->>'submissionId' = ANY($2)`,
      [queueName, ids],
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe("the grading queue on PostgreSQL", () => {
  let t: TestDb;
  let queue: GradingQueue;
  beforeAll(async () => {
    t = await createTestDb("postgres");
    queue = createGradingQueue(t.db, t.url, { config });
  });
  afterAll(async () => {
    await queue?.close();
    await t?.drop();
  });

  it("enqueues with the row, pushes the grade to the stream, grades a job delivered twice once", async () => {
    const learner = await createLearner(t.db, "queue");
    // A transaction that rolls back leaves neither row nor job.
    await expect(
      t.db.$transaction(async (tx) => {
        const row = await tx.submission.create({ data: { userId: learner.id, exerciseSlug: costSlug, kind: "run", source: "x", lang: "en", seed: 1, status: "queued" } });
        await queue.enqueue(tx, row.id);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await queue.depth()).toMatchObject({ engine: "pg-boss", waiting: 0, active: 0 });

    const created = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "submit" }, { queue, rate });
    const id = (created.body as { id: string }).id;
    expect(await queue.depth()).toMatchObject({ waiting: 1 });
    const stream = readStream(submissionEventStream(t.db, id, { feed: queue.statusFeed, maxMs: 120_000 }));

    const worker = queue.worker({ pool: createGraderPool({ workers: 1 }), concurrency: 1, port: null, pollMs: 60_000, log: () => undefined, warmSeeds: () => [] });
    await worker.start();
    try {
      const text = await stream;
      expect(text).toContain('"status":"running"');
      expect(text).toMatch(/event: result\ndata: \{"id":"[^"]+","slug":"linear-regression-cost","kind":"submit","status":"graded"/);
      const graded = await waitForFinished(t.db, id);
      expect(graded).toMatchObject({ status: "graded", passed: true, gradingAttempts: 1 });
      expect(await t.db.srsReviewLog.count({ where: { id: `submission-${id}` } })).toBe(1);

      // The same job delivered again (as after an expiry): completed without grading or reviewing again.
      await t.db.$transaction(async (tx) => queue.enqueue(tx, id));
      await waitUntil(async () => (await jobStates(t.url, [id])).every((job) => job.state === "completed"), 60_000);
      const after = await t.db.submission.findUniqueOrThrow({ where: { id } });
      expect(after.gradedAt).toEqual(graded.gradedAt);
      expect(after.gradingAttempts).toBe(1);
      expect(await t.db.srsReviewLog.count({ where: { id: `submission-${id}` } })).toBe(1);
      expect(await queue.depth()).toMatchObject({ waiting: 0, active: 0, deadLettered: 0 });
    } finally {
      await worker.stop();
    }
  }, 240_000);

  it("a grade failing for reasons outside the submission is retried, then dead-lettered: row error, job in the dead-letter queue", async () => {
    // One retry, then the dead letter. The worker's sandbox pool is closed (as while it shuts down): every grade
    // comes back "retryable", nothing the code did.
    // A database of its own: the queue's settings here (one retry) must not reach the other tests' jobs.
    const own = await createTestDb("postgres");
    const strict = createGradingQueue(own.db, own.url, { config: parseGradingConfig({ ...FAST_QUEUE_ENV, LACUNA_QUEUE_RETRY_LIMIT: "1" }) });
    const learner = await createLearner(own.db, "dead-letter");
    const pool = createGraderPool({ workers: 1 });
    await pool.close();
    const worker = strict.worker({ pool, concurrency: 1, port: null, pollMs: 200, log: () => undefined, warmSeeds: () => [] });
    // Started first: a worker writes its queue settings at start, and a job takes them when it is inserted.
    await worker.start();
    try {
      const created = await createSubmission(own.db, learner.id, { slug: costSlug, source: costSolution(), kind: "submit" }, { queue: strict, rate });
      const id = (created.body as { id: string }).id;
      const row = await waitForFinished(own.db, id, 180_000);
      expect(row.status).toBe("error");
      expect(row.error).toMatch(/^Grading failed 2 times for reasons outside this submission/);
      expect(row.report).toBeNull();
      expect(await own.db.srsReviewLog.count({ where: { id: `submission-${id}` } })).toBe(0);
      expect(await jobStates(own.url, [id])).toEqual([{ submissionId: id, state: "failed" }]);
      expect((await jobStates(own.url, [id], DEAD_LETTER_QUEUE)).length).toBe(1);
      expect(await strict.depth()).toMatchObject({ waiting: 0, active: 0, deadLettered: 1 });
    } finally {
      await worker.stop();
      await strict.close();
      await own.drop();
    }
  }, 240_000);

  it("two workers, 1,000 submissions, one killed with kill -9 midway: each graded once, none lost or stuck", async () => {
    const started = Date.now();
    const phase = (name: string) => console.log(`[scale] ${name} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const { ids, submitIds } = await enqueueSubmissions(t.db, queue, { count: 1000, slug: costSlug, source: costSolution(), submitEvery: 4 });
    phase("1,000 submissions stored and enqueued");
    expect((await queue.depth()).waiting).toBe(1000);
    const [a, b] = await Promise.all([startWorker(t.url), startWorker(t.url)]);
    try {
      await waitUntil(async () => ((await countByStatus(t.db, ids)).graded ?? 0) >= 300, 240_000, () => a.output() + b.output());
      a.kill();
      phase("worker A killed (kill -9) with 300+ graded");
      await waitUntil(
        async () => ((await countByStatus(t.db, ids)).graded ?? 0) + ((await countByStatus(t.db, ids)).error ?? 0) === ids.length,
        240_000,
        () => b.output(),
        500,
      );
      phase("all graded");
      expect(await countByStatus(t.db, ids)).toEqual({ graded: 1000 });
      const rows = await t.db.submission.findMany({ where: { id: { in: ids } }, select: { report: true, passed: true } });
      expect(rows.every((row) => row.report !== null && row.passed === true)).toBe(true);
      // One review per graded submit, none for runs.
      expect(await t.db.srsReviewLog.count({ where: { id: { in: submitIds.map((id) => `submission-${id}`) } } })).toBe(submitIds.length);
      expect(await t.db.srsReviewLog.count({ where: { id: { in: ids.filter((id) => !submitIds.includes(id)).map((id) => `submission-${id}`) } } })).toBe(0);
      // One job per submission, each completed; nothing waiting, active or dead. A job whose grade the killed
      // worker stored but did not acknowledge stays active until it expires; its next delivery finds the row
      // graded and completes it without grading again.
      await waitUntil(async () => (await jobStates(t.url, ids)).every((job) => job.state === "completed"), 120_000, () => b.output(), 500);
      const jobs = await jobStates(t.url, ids);
      expect(jobs.length).toBe(1000);
      expect(new Set(jobs.map((job) => job.submissionId)).size).toBe(1000);
      expect(jobs.filter((job) => job.state !== "completed")).toEqual([]);
      expect(await queue.depth()).toMatchObject({ waiting: 0, active: 0 });
    } finally {
      a.kill();
      await b.stop();
    }
  }, 600_000);
});
