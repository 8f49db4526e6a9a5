/** Misconception "statistics-over-units": normalises each example over its units (layer norm), not each unit over the batch. */
export function batchNormForward(
  Z: number[][],
  gamma: number[],
  beta: number[],
  epsilon: number,
  runningMean: number[],
  runningVar: number[],
  momentum: number,
): { Z_tilde: number[][]; mu: number[]; sigma2: number[]; runningMean: number[]; runningVar: number[] } {
  const n = gamma.length;
  const rowMean = Z.map((row) => row.reduce((sum, z) => sum + z, 0) / n);
  const rowVar = Z.map((row, i) => row.reduce((sum, z) => sum + (z - rowMean[i]!) ** 2, 0) / n);
  const Z_tilde = Z.map((row, i) => row.map((z, j) => gamma[j]! * ((z - rowMean[i]!) / Math.sqrt(rowVar[i]! + epsilon)) + beta[j]!));
  const mu = gamma.map((_, j) => Z.reduce((sum, row) => sum + row[j]!, 0) / Z.length);
  const sigma2 = gamma.map((_, j) => Z.reduce((sum, row) => sum + (row[j]! - mu[j]!) ** 2, 0) / Z.length);
  return {
    Z_tilde,
    mu,
    sigma2,
    runningMean: runningMean.map((r, j) => momentum * r + (1 - momentum) * mu[j]!),
    runningVar: runningVar.map((r, j) => momentum * r + (1 - momentum) * sigma2[j]!),
  };
}
