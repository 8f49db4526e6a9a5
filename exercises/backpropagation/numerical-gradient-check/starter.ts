/**
 * Gradient checking for logistic regression, f(x) = σ(w·x + b), with the cost
 *   J(w, b) = −(1/m) Σ_i [ y(i) log f(x(i)) + (1 − y(i)) log(1 − f(x(i))) ].
 * θ = [w_1, …, w_n, b] and grad (the gradient to be checked) are in that order.
 *   gradapprox_k = (J(θ + ε e_k) − J(θ − ε e_k)) / (2ε)                 (two-sided difference)
 *   difference  = ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)
 *   wrong       = −1 if difference < 2e−7, else the index k with the largest |grad_k − gradapprox_k|
 *
 * @param X       m × n features, row-major: X[i][j] is feature j of example i
 * @param y       the m labels (0 or 1)
 * @param w       the n weights
 * @param b       the bias
 * @param grad    n + 1 numbers: the claimed ∂J/∂w_1 … ∂J/∂w_n, then ∂J/∂b
 * @param epsilon ε, the perturbation (e.g. 1e−7)
 * @returns gradapprox (n + 1 numbers), difference, wrong (−1 or an index into θ)
 */
export function gradientCheck(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
  grad: number[],
  epsilon: number,
): { gradapprox: number[]; difference: number; wrong: number } {
  // Replace these placeholders with the two-sided differences and the relative difference.
  return { gradapprox: grad.map(() => 0), difference: 0, wrong: -1 };
}
