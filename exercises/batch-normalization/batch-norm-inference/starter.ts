/**
 * Batch normalisation at test time: each unit j is normalised with the running mean and variance estimated during
 * training, then scaled and shifted:  z̃ = γ·(z − runningMean)/√(runningVar + ε) + β.
 *
 * Layout: batch first. Z[i][j] is unit j of example i; m may be 1 (one example at a time).
 *
 * @param Z m×n pre-activations (m ≥ 1 examples, n units)
 * @param gamma the n learned scales γ
 * @param beta the n learned shifts β
 * @param runningMean the n running means from training
 * @param runningVar the n running variances from training (≥ 0)
 * @param epsilon ε > 0, inside the square root
 * @returns z̃, m×n
 */
export function batchNormInference(
  Z: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  epsilon: number,
): number[][] {
  // Replace this placeholder with your implementation.
  return Z;
}
