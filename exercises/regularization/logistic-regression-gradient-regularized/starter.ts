/**
 * The gradient of the regularised logistic-regression cost
 *   J(w,b) = −1/m · Σ_i [ y⁽ⁱ⁾ log f⁽ⁱ⁾ + (1 − y⁽ⁱ⁾) log(1 − f⁽ⁱ⁾) ] + λ/(2m) · Σ_j w_j²,   f⁽ⁱ⁾ = g(w·x⁽ⁱ⁾ + b):
 *   ∂J/∂w_j = 1/m · Σ_i (f⁽ⁱ⁾ − y⁽ⁱ⁾) · x_j⁽ⁱ⁾ + λ/m · w_j,     ∂J/∂b = 1/m · Σ_i (f⁽ⁱ⁾ − y⁽ⁱ⁾)   (b is not regularised).
 *
 * @param X m×n feature matrix, row-major: X[i][j] is feature j of example i
 * @param y the m labels, each 0 or 1
 * @param w the n weights
 * @param b the bias
 * @param lambda the regularisation strength λ ≥ 0
 * @returns dj_dw (n numbers, in the order of w) and dj_db
 */
export function computeGradientLogisticReg(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
  lambda: number,
): { dj_dw: number[]; dj_db: number } {
  // Replace these placeholders with your implementation.
  return { dj_dw: w.map(() => 0), dj_db: 0 };
}
