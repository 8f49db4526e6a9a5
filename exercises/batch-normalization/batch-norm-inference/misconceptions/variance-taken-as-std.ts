/** Misconception "variance-taken-as-std": treats the running variance as a standard deviation (no square root). */
export function batchNormInference(
  Z: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  epsilon: number,
): number[][] {
  return Z.map((row) => row.map((z, j) => gamma[j]! * ((z - runningMean[j]!) / (runningVar[j]! + epsilon)) + beta[j]!));
}
