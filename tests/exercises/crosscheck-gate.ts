/**
 * The cross-check gate: an exercise whose reference follows a convention (e.g. the notes' GRU against Keras's)
 * ships a crosscheck.ts comparing the ops-based reference with an independent tf.layers computation. This
 * suite runs it for several seeds and requires every comparison to be finite and within its tolerance.
 */
import { describe, expect, it } from "vitest";
import { findExercise } from "../../exercises/catalog";
import { loadOracle } from "../../exercises/oracle";

export function describeCrossCheck(slug: string, seeds: readonly number[] = [1, 2, 3, 4, 5]): void {
  describe(`exercise ${slug} cross-check`, () => {
    it("agrees with the independent tf.layers computation on every seed", async () => {
      const entry = findExercise(slug);
      if (!entry) throw new Error(`exercise ${slug} is not in the catalog`);
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
