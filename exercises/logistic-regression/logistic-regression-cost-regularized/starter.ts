/**
 * The regularised logistic-regression cost:
 *   J(w,b) = −1/m · Σ_i [ y⁽ⁱ⁾ log f⁽ⁱ⁾ + (1 − y⁽ⁱ⁾) log(1 − f⁽ⁱ⁾) ] + λ/(2m) · Σ_j w_j²,
 *   with f⁽ⁱ⁾ = g(w·x⁽ⁱ⁾ + b) and g(z) = 1 / (1 + e^(−z)). b is not regularised.
 *
 * @param X m×n feature matrix, row-major: X[i][j] is feature j of example i
 * @param y the m labels, each 0 or 1
 * @param w the n weights
 * @param b the bias
 * @param lambda the regularisation strength λ ≥ 0
 * @returns J(w,b)
 */
export function computeCostLogisticReg(X: number[][], y: number[], w: number[], b: number, lambda: number): number {
  // Replace this line with your implementation.
  throw new Error("computeCostLogisticReg is not implemented yet");
}
