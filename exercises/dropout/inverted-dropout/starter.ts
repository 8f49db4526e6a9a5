/**
 * Inverted dropout on one layer's activations during training:
 *   D = (U < keep_prob)   (1 keeps a unit, 0 drops it; u equal to keep_prob is dropped)
 *   A ← A · D / keep_prob (element-wise), so the expected value of every activation is unchanged.
 * Matrices are arrays of rows.
 *
 * @param A        n[l] × m activations A[l] (one example per column)
 * @param U        n[l] × m uniform draws in [0, 1), one per activation
 * @param keepProb the probability of keeping a unit, 0 < keep_prob ≤ 1
 * @returns D (n[l] × m, entries 0 or 1) and A (n[l] × m, the dropped and rescaled activations)
 */
export function dropoutForward(A: number[][], U: number[][], keepProb: number): { D: number[][]; A: number[][] } {
  // Replace these placeholders with the mask and the dropped, rescaled activations.
  const D = U.map((row) => row.map(() => 1));
  return { D, A: A.map((row) => row.map((a) => a)) };
}
