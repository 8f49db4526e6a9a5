/**
 * Batch gradient descent for linear regression, f_{w,b}(x) = w·x + b, cost J(w,b) = 1/(2m) · Σ_i (f − y)².
 * Each of the `iterations` steps updates w and b simultaneously:
 *   w_j = w_j − α · ∂J/∂w_j,   b = b − α · ∂J/∂b   (both derivatives taken at the same w, b).
 *
 * @param X m×n feature matrix, row-major: X[i][j] is feature j of example i
 * @param y the m targets
 * @param w_in the n initial weights (do not modify)
 * @param b_in the initial bias
 * @param alpha the learning rate α
 * @param iterations how many updates to perform
 * @returns the final w and b, and costHistory[k] = J(w,b) after update k+1 (length = iterations)
 */
export function gradientDescent(
  X: number[][],
  y: number[],
  w_in: number[],
  b_in: number,
  alpha: number,
  iterations: number,
): { w: number[]; b: number; costHistory: number[] } {
  // Replace these placeholders with your implementation.
  const w = [...w_in];
  const b = b_in;
  const costHistory: number[] = [];
  return { w, b, costHistory };
}
