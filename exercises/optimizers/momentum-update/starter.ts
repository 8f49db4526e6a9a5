/**
 * One step of gradient descent with momentum (Andrew Ng's convention), for every parameter of a network:
 *   v_dW = β·v_dW + (1 − β)·dW,   W = W − α·v_dW        (the same for every b with v_db and db)
 *
 * @param parameters the parameters by name, "W1", "b1", "W2", "b2", …: W⁽ˡ⁾ is n⁽ˡ⁾×n⁽ˡ⁻¹⁾, b⁽ˡ⁾ is n⁽ˡ⁾×1
 * @param grads the gradients, keyed "dW1", "db1", …: the same shapes as the parameters
 * @param v the velocities before this step, keyed like grads ("dW1", "db1", …), the same shapes
 * @param beta the momentum β in [0, 1), e.g. 0.9
 * @param alpha the learning rate α > 0
 * @returns the updated parameters (keyed like `parameters`) and the updated velocities (keyed like `v`);
 *          do not modify the arguments
 */
export function updateParametersWithMomentum(
  parameters: Record<string, number[][]>,
  grads: Record<string, number[][]>,
  v: Record<string, number[][]>,
  beta: number,
  alpha: number,
): { parameters: Record<string, number[][]>; v: Record<string, number[][]> } {
  // Replace these placeholders with your implementation.
  return { parameters, v };
}
