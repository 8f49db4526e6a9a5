/**
 * The squared-error cost of linear regression:
 *   J(w,b) = 1/(2m) · Σ_i (f_{w,b}(x⁽ⁱ⁾) − y⁽ⁱ⁾)²,  with f_{w,b}(x) = w·x + b.
 *
 * @param X m×n feature matrix, row-major: X[i][j] is feature j of example i
 * @param y the m targets
 * @param w the n weights
 * @param b the bias
 * @returns J(w,b)
 */
export function computeCost(X: number[][], y: number[], w: number[], b: number): number {
  // Replace this line with your implementation.
  throw new Error("computeCost is not implemented yet");
}
