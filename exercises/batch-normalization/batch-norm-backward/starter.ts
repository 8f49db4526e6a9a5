/**
 * Batch normalisation backward, training mode. Forward (per unit j, over the m examples of the batch):
 *   μ = (1/m)Σ z,  σ² = (1/m)Σ (z − μ)²,  ẑ = (z − μ)/√(σ² + ε),  z̃ = γ·ẑ + β.
 * Given dz̃ = ∂J/∂z̃, return ∂J/∂z, ∂J/∂γ and ∂J/∂β. μ and σ² depend on every z of the batch: differentiate
 * through them too.
 *
 * Layout: batch first. Z[i][j] and dZ_tilde[i][j] are unit j of example i.
 *
 * @param dZ_tilde m×n upstream gradient ∂J/∂z̃
 * @param Z m×n pre-activations of the forward pass (m ≥ 1)
 * @param gamma the n scales γ (β does not enter the gradients)
 * @param epsilon ε > 0, inside the square root
 * @returns dZ (m×n), dgamma (n), dbeta (n)
 */
export function batchNormBackward(
  dZ_tilde: number[][],
  Z: number[][],
  gamma: number[],
  epsilon: number,
): { dZ: number[][]; dgamma: number[]; dbeta: number[] } {
  // Replace these placeholders with your implementation.
  return { dZ: dZ_tilde, dgamma: gamma.map(() => 0), dbeta: gamma.map(() => 0) };
}
