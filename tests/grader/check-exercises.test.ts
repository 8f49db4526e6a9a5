/**
 * Runs `lacuna check` for every exercise in exercises/: the model solution passes 20 seeds and agrees with the
 * float32 reference to a tenth of the tolerance, every misconception fails a visible case on every seed and is
 * named by the diagnosis, both languages are present, and the cross-check holds. Then the mutation gate on a
 * budget: a deterministic sample of `mutantBudget` mutants of solution.ts, each graded on `mutantSeeds`, must
 * be killed at the catalog's target rate (`lacuna check --mutants <slug>` grades every mutant on seeds 1..3).
 * Adding an exercise folder adds its tests here with no other change.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../exercises/catalog";
import { checkExercise } from "../../grader/check";
import { formatMutationReport, mutationTarget, runMutationGate } from "../../grader/mutants/gate";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import { repoRoot } from "./helpers";

const root = path.join(repoRoot, "exercises");
/** About 40 gradings per exercise (≈ 2–4 s on a loaded 2-core machine): affordable for a catalog of ~75. */
const mutantBudget = 20;
const mutantSeeds = [1, 2];
const entries = loadCatalog(root);
let pool: GraderPool;
beforeAll(() => {
  pool = createGraderPool({ workers: 2, exercisesRoot: root });
});
afterAll(async () => {
  await pool.close();
});

describe("every exercise passes lacuna check", () => {
  it("has exercises to check", () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  for (const entry of entries) {
    it(entry.meta.slug, async () => {
      const result = await checkExercise(entry, pool);
      expect(result.problems).toEqual([]);
    }, 300_000);
  }
});

describe(`every exercise kills ${mutationTarget * 100} % of a sample of ${mutantBudget} mutants of its solution`, () => {
  for (const entry of entries) {
    it(entry.meta.slug, async () => {
      const report = await runMutationGate(entry, pool, { seeds: mutantSeeds, budget: mutantBudget });
      // The survivors, with line:column and original → mutated, are the message when this fails.
      expect(report.ok, formatMutationReport(report).join("\n")).toBe(true);
    }, 300_000);
  }
});
