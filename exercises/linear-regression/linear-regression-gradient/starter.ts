/**
 * The gradient of the linear-regression cost J(w,b) = 1/(2m) · Σ_i (f_{w,b}(x⁽ⁱ⁾) − y⁽ⁱ⁾)²:
 *   ∂J/∂w_j = 1/m · Σ_i (f_{w,b}(x⁽ⁱ⁾) − y⁽ⁱ⁾) · x_j⁽ⁱ⁾,   ∂J/∂b = 1/m · Σ_i (f_{w,b}(x⁽ⁱ⁾) − y⁽ⁱ⁾).
 *
 * @param X m×n feature matrix, row-major: X[i][j] is feature j of example i
 * @param y the m targets
 * @param w the n weights
 * @param b the bias
 * @returns dj_dw (n numbers, in the order of w) and dj_db
 */
export function computeGradient(X: number[][], y: number[], w: number[], b: number): { dj_dw: number[]; dj_db: number } {
  // Replace these placeholders with your implementation.
  const dj_dw: number[] = w.map(() => 0);
  const dj_db = 0;
  return { dj_dw, dj_db };
}
