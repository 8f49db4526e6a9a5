/** Batch norm at test time: every example is normalised with the running statistics, never with its batch's. */
export function batchNormInference(
  Z: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  epsilon: number,
): number[][] {
  return Z.map((row) => row.map((z, j) => gamma[j]! * ((z - runningMean[j]!) / Math.sqrt(runningVar[j]! + epsilon)) + beta[j]!));
}
