/** Misconception "variance-path-dropped": keeps the gradient through μ but not through σ². */
export function batchNormBackward(
  dZ_tilde: number[][],
  Z: number[][],
  gamma: number[],
  epsilon: number,
): { dZ: number[][]; dgamma: number[]; dbeta: number[] } {
  const m = Z.length;
  const n = gamma.length;
  const dZ: number[][] = Z.map((row) => row.slice()); // every entry is overwritten below
  const dgamma: number[] = [];
  const dbeta: number[] = [];
  for (let j = 0; j < n; j++) {
    let mean = 0;
    for (let i = 0; i < m; i++) mean += Z[i]![j]!;
    mean /= m;
    let variance = 0;
    for (let i = 0; i < m; i++) variance += (Z[i]![j]! - mean) ** 2;
    variance /= m;
    const invStd = 1 / Math.sqrt(variance + epsilon);
    const zHat = Z.map((row) => (row[j]! - mean) * invStd);
    const dZHat = dZ_tilde.map((row) => row[j]! * gamma[j]!);
    let sumDZHat = 0;
    let sumDZHatZHat = 0;
    let sumUpstream = 0;
    let sumUpstreamZHat = 0;
    for (let i = 0; i < m; i++) {
      sumDZHat += dZHat[i]!;
      sumDZHatZHat += dZHat[i]! * zHat[i]!;
      sumUpstream += dZ_tilde[i]![j]!;
      sumUpstreamZHat += dZ_tilde[i]![j]! * zHat[i]!;
    }
    for (let i = 0; i < m; i++) dZ[i]![j] = (invStd / m) * (m * dZHat[i]! - sumDZHat);
    dgamma.push(sumUpstreamZHat);
    dbeta.push(sumUpstream);
  }
  return { dZ, dgamma, dbeta };
}
