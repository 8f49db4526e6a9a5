/**
 * The exponentially weighted average of a sequence θ_1 … θ_T, with and without bias correction:
 *   v_0 = 0,   v_t = β v_{t−1} + (1 − β) θ_t,   v̂_t = v_t / (1 − β^t)   (t = 1 … T).
 * The corrected v̂_t is an output only: the recursion always continues from the uncorrected v_t.
 *
 * @param theta the sequence θ_1 … θ_T (theta[t − 1] is θ_t)
 * @param beta  β, 0 ≤ β < 1
 * @returns v (v_1 … v_T) and vCorrected (v̂_1 … v̂_T), T numbers each
 */
export function exponentiallyWeightedAverage(theta: number[], beta: number): { v: number[]; vCorrected: number[] } {
  // Replace these placeholders with the running averages.
  return { v: theta.map(() => 0), vCorrected: theta.map(() => 0) };
}
