/** Misconception "batch-statistics-at-test-time": normalises with the mean and variance of the given examples. */
export function batchNormInference(
  Z: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  epsilon: number,
): number[][] {
  const m = Z.length;
  const mu = gamma.map((_, j) => Z.reduce((sum, row) => sum + row[j]!, 0) / m);
  const sigma2 = gamma.map((_, j) => Z.reduce((sum, row) => sum + (row[j]! - mu[j]!) ** 2, 0) / m);
  return Z.map((row) => row.map((z, j) => gamma[j]! * ((z - mu[j]!) / Math.sqrt(sigma2[j]! + epsilon)) + beta[j]!));
}
