/**
 * Runs `lacuna check` for every exercise in exercises/: the model solution passes 20 seeds, every
 * misconception fails a visible case and is named by the diagnosis, both languages are present, and the
 * cross-check holds. Adding an exercise folder adds a test here with no other change.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../exercises/catalog";
import { checkExercise } from "../../grader/check";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import { repoRoot } from "./helpers";

const root = path.join(repoRoot, "exercises");
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
