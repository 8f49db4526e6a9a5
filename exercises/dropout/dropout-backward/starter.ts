/**
 * Backpropagation through inverted dropout. The forward pass was A_out = A · D / keep_prob (element-wise) with
 * the mask D cached, so the gradient reaching A is the same mask, scaled the same way:
 *   dA ← dA_out · D / keep_prob.
 * Matrices are arrays of rows.
 *
 * @param dA       n[l] × m, ∂J/∂A_out: the gradient arriving from the next layer
 * @param D        n[l] × m, the forward pass's mask (1 kept, 0 dropped)
 * @param keepProb keep_prob used in the forward pass, 0 < keep_prob ≤ 1
 * @returns n[l] × m, ∂J/∂A: the gradient with respect to the activations before dropout
 */
export function dropoutBackward(dA: number[][], D: number[][], keepProb: number): number[][] {
  // Replace this placeholder with the masked, rescaled gradient.
  return dA.map((row) => row.map((g) => g));
}
