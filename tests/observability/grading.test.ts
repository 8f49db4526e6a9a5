// The grading side of operations with real parts: a real SQLite file, the real grader pool and the grading
// daemon on a real port. A submission stored with a request id is graded; the daemon's log line for that grade
// carries the id, and its GET /metrics counts grading latency, the outcome, sandbox timeouts and a watchdog
// kill. Readiness follows the daemon: 200 while it answers, 503 + Retry-After once it stops or hangs.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GraderPool } from "@/grader/index";
import { createDb } from "@/lib/db";
import { createGradingDaemon, type GradingDaemon } from "@/lib/grading/daemon";
import { createDaemonQueue } from "@/lib/grading/queue/sqlite";
import { createSubmission } from "@/lib/grading/service";
import { observeGradingProcess } from "@/lib/observability/grading";
import { readinessChecks, readyResponse } from "@/lib/observability/web";
import { costSlug, costSolution, createLearner, waitForFinished } from "@/tests/api/helpers";
import { waitUntil } from "@/tests/durability/helpers";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { capturedLogger, sample } from "./helpers";

let t: TestDb;
let pool: GraderPool;
let daemon: GradingDaemon;
let port: number;
let unobserve: () => void;
const { logger, lines } = capturedLogger("grader");
const queue = () => createDaemonQueue(t.db, () => daemon.wake());

beforeAll(async () => {
  t = await createTestDb("sqlite");
  // Short limits, so an endless loop costs little; the watchdog's slack is what a frozen worker waits for.
  pool = createGraderPool({ workers: 1, limits: { caseMs: 300, submissionMs: 1_500, watchdogSlackMs: 500, hostPhaseMs: 60_000 } });
  daemon = createGradingDaemon({ db: t.db, pool, concurrency: 1, port: 0, pollMs: 200, ownsPool: false, log: () => undefined, warmSeeds: () => [] });
  unobserve = observeGradingProcess({ queue: queue(), pool, logger });
  port = (await daemon.start()).port!;
});
afterAll(async () => {
  unobserve?.();
  await daemon?.stop();
  await pool?.close();
  await t?.drop();
});

async function submit(userId: string, source: string, kind: "run" | "submit", requestId: string): Promise<string> {
  const created = await createSubmission(t.db, userId, { slug: costSlug, source, kind }, { queue: queue(), requestId, rate: { limit: 100, windowMs: 60_000 } });
  expect(created.status).toBe(202);
  return (created.body as { id: string }).id;
}

const scrape = async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
const endless = "export function computeCost(): number { for (;;) {} }";

describe("a grade's log line and metrics", () => {
  it("carries the request id into the grading log, and counts latency, outcome and timeouts", async () => {
    const learner = await createLearner(t.db);
    const good = await submit(learner.id, costSolution(), "submit", "req-good-7f3a");
    const loop = await submit(learner.id, endless, "run", "req-loop-19c2");
    expect((await waitForFinished(t.db, good)).status).toBe("graded");
    expect((await waitForFinished(t.db, loop)).status).toBe("graded");
    expect((await t.db.submission.findUniqueOrThrow({ where: { id: good } })).requestId).toBe("req-good-7f3a");

    const graded = lines.filter((line) => line.msg === "graded");
    expect(graded.find((line) => line.submissionId === good)).toMatchObject({ requestId: "req-good-7f3a", service: "grader", kind: "submit", status: "graded", grade: "passed", score: 1, attempt: 1 });
    expect(graded.find((line) => line.submissionId === loop)).toMatchObject({ requestId: "req-loop-19c2", kind: "run", grade: "failed" });

    const text = await scrape();
    expect(sample(text, "lacuna_grading_latency_seconds_count", { kind: "submit" })).toBe(1);
    expect(sample(text, "lacuna_grade_duration_seconds_count", { kind: "run" })).toBe(1);
    expect(sample(text, "lacuna_grades_total", { kind: "submit", outcome: "graded" })).toBe(1);
    const timeouts = (sample(text, "lacuna_sandbox_timeouts_total", { scope: "case" }) ?? 0) + (sample(text, "lacuna_sandbox_timeouts_total", { scope: "submission" }) ?? 0);
    expect(timeouts).toBeGreaterThanOrEqual(1);
    expect(sample(text, "lacuna_grading_queue_depth", { state: "waiting" })).toBe(0);
  });

  it("counts a sandbox worker the watchdog had to kill", async () => {
    const learner = await createLearner(t.db);
    const frozen = await submit(learner.id, endless, "run", "req-frozen-1");
    // Frozen while its learner code runs (as tests/grader/watchdog.test.ts does): only the watchdog ends it.
    let pid: number | undefined;
    while (pid === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      pid = pool.stats().workers.find((w) => w.learnerCode)?.pid;
    }
    process.kill(pid, "SIGSTOP");
    const row = await waitForFinished(t.db, frozen);
    expect(JSON.parse(row.report!).runtimeError).toMatchObject({ kind: "timeout" });
    expect(sample(await scrape(), "lacuna_sandbox_kills_total", { reason: "watchdog" })).toBe(1);
  });
});

describe("readiness follows the grading daemon", () => {
  it("is 503 with Retry-After and the reason when the daemon hangs or the database is gone, 200 while all answer", async () => {
    const checks = (daemonPort: number, db = t.db) => readinessChecks({ db, depth: () => queue().depth(), postgres: false, daemonPort });
    // The watchdog's kill above left a fresh sandbox worker starting: ready once it is.
    await waitUntil(() => pool.stats().workers.some((w) => w.ready), 60_000);
    const ready = await readyResponse(checks(port));
    const body = await ready.json();
    expect(ready.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ status: "ready", checks: { database: { ok: true }, queue: { ok: true }, workers: { ok: true, detail: "1 of 1 sandbox workers ready" } } });

    // A daemon that accepts connections and never answers: the check gives up after its bound.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const hung = await readyResponse(checks((silent.address() as AddressInfo).port));
      expect(hung.status).toBe(503);
      expect(hung.headers.get("retry-after")).toBe("5");
      expect(await hung.json()).toMatchObject({ status: "not-ready", checks: { database: { ok: true }, workers: { ok: false, detail: expect.stringMatching(/does not answer|no answer within 2000 ms/) } } });
    } finally {
      silent.close();
    }

    const gone = createDb("postgresql://postgres@127.0.0.1:5432/lacuna_no_such_database");
    try {
      const down = await readyResponse(readinessChecks({ db: gone, depth: () => queue().depth(), postgres: false, daemonPort: port }));
      expect(down.status).toBe(503);
      expect((await down.json()).checks.database).toMatchObject({ ok: false, detail: expect.stringMatching(/lacuna_no_such_database|does not exist|no answer/) });
    } finally {
      await gone.$disconnect();
    }

    await daemon.stop();
    const stopped = await readyResponse(checks(port));
    expect(stopped.status).toBe(503);
    expect((await stopped.json()).checks.workers).toMatchObject({ ok: false, detail: expect.stringMatching(new RegExp(`grading daemon on 127\\.0\\.0\\.1:${port} does not answer`)) });
  });
});
