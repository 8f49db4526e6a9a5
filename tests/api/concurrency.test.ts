// Races, on a real SQLite file and a real PostgreSQL database: a burst of one learner's submissions cannot
// slip past the rate limit, and two grading daemons on one database grade every row exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GraderPool } from "@/grader/index";
import os from "node:os";
import { createGradingDaemon, isAbandoned, type GradingDaemon } from "@/lib/grading/daemon";
import { createSubmission } from "@/lib/grading/service";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import type { Flavor } from "@/scripts/lib/schemas";
import { costMisconception, costSlug, costSolution, createLearner, waitForFinished } from "./helpers";

let pool: GraderPool;
beforeAll(() => {
  pool = createGraderPool({ workers: 2 });
});
afterAll(async () => {
  await pool.close();
});

describe.each<Flavor>(["sqlite", "postgres"])("on %s", (flavor) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(flavor);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("lets exactly `limit` of twelve simultaneous submissions through; the rest get 429", async () => {
    const learner = await createLearner(t.db);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: () => undefined, rate: { limit: 5, windowMs: 30_000 } }),
      ),
    );
    expect(results.filter((r) => r.status === 202)).toHaveLength(5);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(7);
    for (const r of limited) expect(Number(r.headers?.["retry-after"])).toBeGreaterThanOrEqual(29);
    expect(await t.db.submission.count({ where: { userId: learner.id } })).toBe(5);
  });

  it("two daemons racing over the same queue grade every submission exactly once", async () => {
    const learner = await createLearner(t.db);
    const sources = [costSolution(), costMisconception("missing-one-half"), costMisconception("forgot-bias")];
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const created = await createSubmission(t.db, learner.id, { slug: costSlug, source: sources[i % 3]!, kind: i % 2 ? "run" : "submit" }, { wake: () => undefined, rate: { limit: 100, windowMs: 30_000 } });
      ids.push((created.body as { id: string }).id);
    }
    const daemons: GradingDaemon[] = [1, 2].map(() => createGradingDaemon({ db: t.db, pool, concurrency: 2, port: null, pollMs: 100, ownsPool: false, log: () => undefined }));
    try {
      await Promise.all(daemons.map((d) => d.start()));
      const rows = await Promise.all(ids.map((id) => waitForFinished(t.db, id)));
      for (const row of rows) expect(row).toMatchObject({ status: "graded", gradingAttempts: 1 });
      expect(rows.filter((r) => r.passed).length).toBe(3);
      // The rate-limit test's queued rows were graded too: every row in the database, each by one daemon.
      const everyRow = await t.db.submission.findMany({ where: { status: { not: "queued" } }, select: { gradingAttempts: true } });
      expect(everyRow.every((r) => r.gradingAttempts === 1)).toBe(true);
      expect(daemons.reduce((sum, d) => sum + d.stats().graded, 0)).toBe(await t.db.submission.count({ where: { status: "graded" } }));
    } finally {
      for (const d of daemons) await d.stop();
    }
  });
});

describe("which running rows a starting daemon takes back", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  const context = { ownWorkerId: `${os.hostname()}:${process.pid}:aaaaaa`, now, staleAfterMs: 600_000, isPidAlive: (pid: number) => pid === 4242 };
  const recent = new Date(now.getTime() - 5_000);
  it("takes rows of a dead process on this host, of an earlier life of its own pid, and unreadable ids", () => {
    expect(isAbandoned({ workerId: `${os.hostname()}:999999:abcdef`, startedAt: recent }, context)).toBe(true);
    expect(isAbandoned({ workerId: `${os.hostname()}:${process.pid}:bbbbbb`, startedAt: recent }, context)).toBe(true);
    expect(isAbandoned({ workerId: "dead-daemon", startedAt: recent }, context)).toBe(true);
  });
  it("leaves its own rows, a live daemon's on this host, and another host's until they are stale", () => {
    expect(isAbandoned({ workerId: context.ownWorkerId, startedAt: recent }, context)).toBe(false);
    expect(isAbandoned({ workerId: `${os.hostname()}:4242:abcdef`, startedAt: recent }, context)).toBe(false);
    expect(isAbandoned({ workerId: "other-host:17:abcdef", startedAt: recent }, context)).toBe(false);
    expect(isAbandoned({ workerId: "other-host:17:abcdef", startedAt: new Date(now.getTime() - 600_001) }, context)).toBe(true);
  });
});
