/**
 * The gradient of the regularised linear-regression cost
 *   J(w,b) = 1/(2m) · Σ_i (f_{w,b}(x⁽ⁱ⁾) − y⁽ⁱ⁾)² + λ/(2m) · Σ_j w_j²        (b is not regularised)
 * and one gradient-descent step with learning rate α, in the weight-decay form
 *   w_j ← (1 − αλ/m)·w_j − α · 1/m · Σ_i (f_{w,b}(x⁽ⁱ⁾) − y⁽ⁱ⁾)·x_j⁽ⁱ⁾,    b ← b − α·∂J/∂b.
 *
 * @param X m×n feature matrix, row-major: X[i][j] is feature j of example i
 * @param y the m targets
 * @param w the n weights
 * @param b the bias
 * @param lambda the regularisation strength λ ≥ 0
 * @param alpha the learning rate α > 0
 * @returns dj_dw (n numbers), dj_db, and the parameters after one step: w_next (n numbers), b_next
 */
export function computeGradientRegularized(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
  lambda: number,
  alpha: number,
): { dj_dw: number[]; dj_db: number; w_next: number[]; b_next: number } {
  // Replace these placeholders with your implementation.
  return { dj_dw: w.map(() => 0), dj_db: 0, w_next: [...w], b_next: b };
}
