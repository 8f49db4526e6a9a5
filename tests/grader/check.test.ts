import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findExercise } from "../../exercises/catalog";
import { checkExercise } from "../../grader/check";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import { fixturesRoot, repoRoot } from "./helpers";

const brokenRoot = path.join(repoRoot, "tests", "fixtures", "broken-exercises");
let pool: GraderPool;
let brokenPool: GraderPool;
beforeAll(() => {
  pool = createGraderPool({ workers: 2, exercisesRoot: fixturesRoot });
  brokenPool = createGraderPool({ workers: 1, exercisesRoot: brokenRoot });
});
afterAll(async () => {
  await Promise.all([pool.close(), brokenPool.close()]);
});

describe("lacuna check (the author's quality gate)", () => {
  it("accepts a sound exercise", async () => {
    for (const slug of ["fixture-mse", "fixture-gradient"]) {
      const result = await checkExercise(findExercise(slug, fixturesRoot)!, pool);
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.gradings).toBeGreaterThan(20);
    }
  }, 120_000);

  it("reports a wrong solution, a misconception that passes, and a missing translation", async () => {
    const result = await checkExercise(findExercise("fixture-broken", brokenRoot)!, brokenPool);
    expect(result.ok).toBe(false);
    expect(result.problems).toContain("title: the Chinese text contains no Chinese characters");
    expect(result.problems.some((p) => /^solution\.ts fails seed \d+: case "6 examples"/.test(p))).toBe(true);
    expect(result.problems.some((p) => p.startsWith("misconception halved passes every visible case for seed(s) 1, 2, 3"))).toBe(true);
  }, 120_000);
});
