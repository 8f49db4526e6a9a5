/**
 * One Adam step at iteration t (t = 1 for the first step), for every parameter of a network:
 *   v = β₁·v + (1 − β₁)·dW          s = β₂·s + (1 − β₂)·dW²        (element-wise)
 *   v̂ = v / (1 − β₁ᵗ)               ŝ = s / (1 − β₂ᵗ)              (bias correction)
 *   W = W − α·v̂ / (√ŝ + ε)                                          (ε outside the root)
 * and the same for every b.
 *
 * @param parameters the parameters by name, "W1", "b1", "W2", "b2", …: W⁽ˡ⁾ is n⁽ˡ⁾×n⁽ˡ⁻¹⁾, b⁽ˡ⁾ is n⁽ˡ⁾×1
 * @param grads the gradients, keyed "dW1", "db1", …: the same shapes as the parameters
 * @param v the first moments before this step, keyed like grads (uncorrected)
 * @param s the second moments before this step, keyed like grads (uncorrected, entries ≥ 0)
 * @param t the iteration number of this step, an integer ≥ 1
 * @param alpha the learning rate α > 0
 * @param beta1 β₁ in [0, 1), e.g. 0.9
 * @param beta2 β₂ in [0, 1), e.g. 0.999
 * @param epsilon ε > 0, e.g. 1e-8
 * @returns the updated parameters and the updated UNcorrected moments v and s, as new objects
 */
export function updateParametersWithAdam(
  parameters: Record<string, number[][]>,
  grads: Record<string, number[][]>,
  v: Record<string, number[][]>,
  s: Record<string, number[][]>,
  t: number,
  alpha: number,
  beta1: number,
  beta2: number,
  epsilon: number,
): { parameters: Record<string, number[][]>; v: Record<string, number[][]>; s: Record<string, number[][]> } {
  // Replace these placeholders with your implementation.
  return { parameters, v, s };
}
