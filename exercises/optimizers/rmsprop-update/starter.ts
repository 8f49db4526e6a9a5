/**
 * One RMSprop step (Andrew Ng's convention, ε outside the square root), for every parameter of a network:
 *   S_dW = β·S_dW + (1 − β)·dW²   (element-wise square),   W = W − α·dW / (√S_dW + ε)
 * and the same for every b with S_db and db.
 *
 * @param parameters the parameters by name, "W1", "b1", "W2", "b2", …: W⁽ˡ⁾ is n⁽ˡ⁾×n⁽ˡ⁻¹⁾, b⁽ˡ⁾ is n⁽ˡ⁾×1
 * @param grads the gradients, keyed "dW1", "db1", …: the same shapes as the parameters
 * @param s the mean squares S before this step, keyed like grads, the same shapes (every entry ≥ 0)
 * @param beta the decay β in [0, 1), e.g. 0.999
 * @param alpha the learning rate α > 0
 * @param epsilon ε > 0, added to √S (keeps the step finite where S is 0)
 * @returns the updated parameters (keyed like `parameters`) and the updated S (keyed like `s`), as new objects
 */
export function updateParametersWithRMSprop(
  parameters: Record<string, number[][]>,
  grads: Record<string, number[][]>,
  s: Record<string, number[][]>,
  beta: number,
  alpha: number,
  epsilon: number,
): { parameters: Record<string, number[][]>; s: Record<string, number[][]> } {
  // Replace these placeholders with your implementation.
  return { parameters, s };
}
