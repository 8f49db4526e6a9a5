/**
 * Batch normalisation of one layer's pre-activations in training mode (the notes: z_norm = (z − μ)/√(σ² + ε),
 * z̃ = γ·z_norm + β), with the running averages a framework keeps for inference.
 *
 * Layout: batch first, as TensorFlow.js and d2l have it. Z[i][j] is unit j of example i; statistics are per
 * unit j, over the m examples of the mini-batch.
 *
 * @param Z m×n pre-activations of a mini-batch (m ≥ 1 examples, n units)
 * @param gamma the n scales γ
 * @param beta the n shifts β (batch norm's β, not an optimiser's)
 * @param epsilon ε > 0, added to the variance inside the square root
 * @param runningMean the n running means before this batch
 * @param runningVar the n running variances before this batch
 * @param momentum the running averages' momentum in [0, 1): running = momentum·running + (1 − momentum)·batch
 * @returns Z_tilde (m×n), the batch mean mu (n), the batch variance sigma2 (n, biased: divided by m) and the
 *          updated runningMean and runningVar (n each)
 */
export function batchNormForward(
  Z: number[][],
  gamma: number[],
  beta: number[],
  epsilon: number,
  runningMean: number[],
  runningVar: number[],
  momentum: number,
): { Z_tilde: number[][]; mu: number[]; sigma2: number[]; runningMean: number[]; runningVar: number[] } {
  // Replace these placeholders with your implementation.
  return { Z_tilde: Z, mu: gamma.map(() => 0), sigma2: gamma.map(() => 1), runningMean, runningVar };
}
