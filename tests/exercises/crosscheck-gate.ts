/**
 * The cross-check gate: an exercise whose reference follows a convention (e.g. the notes' GRU against Keras's)
 * ships a crosscheck.ts comparing the ops-based reference with an independent tf.layers computation. This
 * suite runs it for several seeds and requires every comparison to be finite and within its tolerance.
 */
import { describe, expect, it } from "vitest";
import { loadExerciseEntry } from "../../exercises/catalog";
import { loadOracle } from "../../exercises/oracle";
import { exerciseDirBySlug } from "./exercise-gates";

export function describeCrossCheck(slug: string, seeds: readonly number[] = [1, 2, 3, 4, 5]): void {
  describe(`exercise ${slug} cross-check`, () => {
    it("agrees with the independent tf.layers computation on every seed", async () => {
      // Only this exercise's folder: another exercise being written must not break this suite.
      const entry = loadExerciseEntry(exerciseDirBySlug(slug));
      const { crossCheck } = await loadOracle(entry);
      expect(crossCheck, `${slug} has no crosscheck.ts`).toBeDefined();
      const failures: string[] = [];
      for (const seed of seeds) {
        const results = crossCheck!(seed);
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) {
          if (!(Number.isFinite(r.maxAbsError) && r.maxAbsError <= r.tolerance)) {
            failures.push(`seed ${seed} ${r.name}: max |error| ${r.maxAbsError} > ${r.tolerance}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });
}
