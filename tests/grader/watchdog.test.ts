/**
 * The parent's watchdog: a worker that stops answering (here: frozen with SIGSTOP in the middle of a job) is
 * killed and replaced, the submission gets a clear error, and grading goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import { fixturesRoot, mseSolution } from "./helpers";

let pool: GraderPool;
beforeAll(() => {
  pool = createGraderPool({ workers: 1, exercisesRoot: fixturesRoot, limits: { caseMs: 200, submissionMs: 600, watchdogSlackMs: 400, hostPhaseMs: 20_000 } });
});
afterAll(async () => {
  await pool.close();
});

describe("the watchdog", () => {
  it("kills a worker that hangs, reports it, and replaces the worker", async () => {
    // Warm the worker (expected outputs cached) so the job below spends its time in the sandbox.
    expect((await pool.grade({ slug: "fixture-mse", source: mseSolution(), seed: 1 })).status).toBe("passed");
    const pending = pool.grade({ slug: "fixture-mse", source: "export function meanSquaredError() { for (;;); }", seed: 1 });
    let pid: number | undefined;
    while (pid === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Frozen while the learner's code runs: a worker stuck in host work (compiling) is the machine's trouble
      // and is retried instead.
      pid = pool.stats().workers.find((w) => w.learnerCode)?.pid;
    }
    process.kill(pid, "SIGSTOP");
    const report = await pending;
    expect(report.status).toBe("failed");
    expect(report.runtimeError).toMatchObject({
      kind: "timeout",
      message: "your code did not stop within its 600 ms budget (an endless loop, or memory exhaustion) and its sandbox was shut down",
    });
    expect((await pool.grade({ slug: "fixture-mse", source: mseSolution(), seed: 2 })).status).toBe("passed");
    const stats = pool.stats();
    expect(stats.workers.map((w) => w.pid)).not.toContain(pid);
    expect(stats.restarts).toBe(1);
  }, 60_000);
});

describe("the watchdog in host work", () => {
  it("stops a worker frozen before the learner's code runs at the host deadline, and grades the job again elsewhere", async () => {
    // Host work's budget is generous: each fresh worker's first job loads TensorFlow.js for the reference, which on a
    // loaded 2-core machine takes seconds, and must not be stopped itself.
    const hostPool = createGraderPool({ workers: 1, exercisesRoot: fixturesRoot, limits: { caseMs: 200, submissionMs: 600, watchdogSlackMs: 400, hostPhaseMs: 10_000 } });
    try {
      expect((await hostPool.grade({ slug: "fixture-mse", source: mseSolution(), seed: 1 })).status).toBe("passed");
      const pid = hostPool.stats().workers[0]?.pid;
      expect(pid).toBeDefined();
      // Frozen while idle: the next job reaches it but never starts, so it stays host work (the machine's trouble).
      process.kill(pid!, "SIGSTOP");
      const report = await hostPool.grade({ slug: "fixture-mse", source: mseSolution(), seed: 1 });
      expect(report.status).toBe("passed");
      const stats = hostPool.stats();
      expect(stats.workers.map((w) => w.pid)).not.toContain(pid);
      expect(stats.restarts).toBe(1);
      expect(stats.watchdogKills).toBe(0); // not counted against learners' code
    } finally {
      await hostPool.close();
    }
  }, 60_000);
});
