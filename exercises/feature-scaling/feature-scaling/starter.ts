/**
 * Feature scaling, column by column (feature k = column k of X), with the four methods of the notes:
 *   "mean"     mean normalisation   x' = (x − μ_k) / (max_k − min_k)
 *   "z-score"  z-score              x' = (x − μ_k) / σ_k        (σ_k: population standard deviation, 1/m)
 *   "min-max"  min-max              x' = (x − min_k) / (max_k − min_k) · (newMax − newMin) + newMin
 *   "decimal"  decimal scaling      x' = x / 10^j_k             (j_k: smallest integer j ≥ 0 with max_i |x_ik| < 10^j)
 * A constant feature (max_k = min_k, σ_k = 0) divides by 1 instead of 0: it scales to 0, 0, newMin.
 *
 * @param X m×n feature matrix, row-major: X[i][k] is feature k of example i
 * @param method "mean" | "z-score" | "min-max" | "decimal"
 * @param newMin lower end of the min-max target range (used by "min-max" only)
 * @param newMax upper end of the min-max target range (used by "min-max" only)
 * @returns scaled (m×n) and the per-feature statistics mu, sigma, min, max, j (n numbers each, every method)
 */
export function scaleFeatures(
  X: number[][],
  method: string,
  newMin: number,
  newMax: number,
): { scaled: number[][]; mu: number[]; sigma: number[]; min: number[]; max: number[]; j: number[] } {
  // Replace these placeholders with your implementation.
  const n = X[0]?.length ?? 0;
  const zeros = (): number[] => new Array<number>(n).fill(0);
  return { scaled: X.map((row) => row.map(() => 0)), mu: zeros(), sigma: zeros(), min: zeros(), max: zeros(), j: zeros() };
}
