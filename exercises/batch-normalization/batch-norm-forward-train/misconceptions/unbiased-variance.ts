/** Misconception "unbiased-variance": divides the squared deviations by m − 1 (the sample variance). */
export function batchNormForward(
  Z: number[][],
  gamma: number[],
  beta: number[],
  epsilon: number,
  runningMean: number[],
  runningVar: number[],
  momentum: number,
): { Z_tilde: number[][]; mu: number[]; sigma2: number[]; runningMean: number[]; runningVar: number[] } {
  const m = Z.length;
  const n = gamma.length;
  const mu: number[] = [];
  const sigma2: number[] = [];
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < m; i++) sum += Z[i]![j]!;
    const mean = sum / m;
    let squares = 0;
    for (let i = 0; i < m; i++) squares += (Z[i]![j]! - mean) ** 2;
    mu.push(mean);
    sigma2.push(squares / (m - 1));
  }
  const Z_tilde = Z.map((row) => row.map((z, j) => gamma[j]! * ((z - mu[j]!) / Math.sqrt(sigma2[j]! + epsilon)) + beta[j]!));
  return {
    Z_tilde,
    mu,
    sigma2,
    runningMean: runningMean.map((r, j) => momentum * r + (1 - momentum) * mu[j]!),
    runningVar: runningVar.map((r, j) => momentum * r + (1 - momentum) * sigma2[j]!),
  };
}
