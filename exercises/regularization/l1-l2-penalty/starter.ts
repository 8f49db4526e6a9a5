/**
 * The L1 and L2 weight penalties of Keras's kernel_regularizer (the notes' `kernel_regularizer=L2(0.01)`) and
 * their (sub)gradients, over every entry of a weight matrix W:
 *   l1 = λ₁ · Σ |w|        ∂l1/∂w = λ₁ · sign(w), with sign(0) = 0
 *   l2 = λ₂ · Σ w²         ∂l2/∂w = 2λ₂ · w
 *
 * @param W weight matrix [n_in][units] (a Dense layer's kernel), row-major
 * @param lambda1 the L1 strength λ₁ ≥ 0
 * @param lambda2 the L2 strength λ₂ ≥ 0
 * @returns l1, l2 (numbers) and dl1_dW, dl2_dW (same shape as W)
 */
export function regularizationPenalties(
  W: number[][],
  lambda1: number,
  lambda2: number,
): { l1: number; l2: number; dl1_dW: number[][]; dl2_dW: number[][] } {
  // Replace these placeholders with your implementation.
  const zeros = W.map((row) => row.map(() => 0));
  return { l1: 0, l2: 0, dl1_dW: zeros, dl2_dW: zeros };
}
