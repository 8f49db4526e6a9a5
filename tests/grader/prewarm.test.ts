/**
 * The workers' background cache warming (pool.prewarm, as the grading daemon asks for it). Warming the whole
 * catalog at start kept both cores of a 2-core machine busy for over 20 minutes; by default an exercise is
 * warmed from its first job on, and only the exercises the pool was told to warm now (prewarmSlugs, as the
 * benches do) are warmed before any job.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadCatalog } from "../../exercises/catalog";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import { fixturesRoot, gradientSolution, mseSolution } from "./helpers";

const seeds = [1, 2, 3];
/** Background tasks one exercise's warming queues: its reference and each misconception, on every seed. */
function warmTaskCount(slug: string): number {
  const entry = loadCatalog(fixturesRoot).find((e) => e.meta.slug === slug);
  if (!entry) throw new Error(`no fixture exercise ${slug}`);
  return seeds.length * (1 + entry.meta.misconceptions.length);
}

async function untilWarmed(pool: GraderPool): Promise<void> {
  while (pool.stats().warming > 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

let pool: GraderPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("prewarm", () => {
  it("by default warms an exercise only from its first job on, and only that exercise", async () => {
    pool = createGraderPool({ workers: 1, exercisesRoot: fixturesRoot, prewarmSlugs: [] });
    pool.prewarm!(() => seeds);
    // Before any job there is nothing to warm but the spare isolate.
    await untilWarmed(pool);

    expect((await pool.grade({ slug: "fixture-mse", source: mseSolution(), seed: 1 })).status).toBe("passed");
    // Read in the same turn as the result: the worker queued these when the job arrived and starts them after it.
    expect(pool.stats().warming).toBe(warmTaskCount("fixture-mse"));
    await untilWarmed(pool);

    // The same exercise again queues nothing new; another exercise queues its own.
    expect((await pool.grade({ slug: "fixture-mse", source: mseSolution(), seed: 2 })).status).toBe("passed");
    expect(pool.stats().warming).toBe(0);
    expect((await pool.grade({ slug: "fixture-gradient", source: gradientSolution(), seed: 1 })).status).toBe("passed");
    expect(pool.stats().warming).toBe(warmTaskCount("fixture-gradient"));
    await untilWarmed(pool);
  }, 120_000);

  it("warms the listed exercises before any job, and their first job queues nothing more", async () => {
    pool = createGraderPool({ workers: 1, exercisesRoot: fixturesRoot, prewarmSlugs: ["fixture-mse"] });
    pool.prewarm!(() => seeds);
    await untilWarmed(pool);
    expect((await pool.grade({ slug: "fixture-mse", source: mseSolution(), seed: 1 })).status).toBe("passed");
    expect(pool.stats().warming).toBe(0);
  }, 120_000);
});
