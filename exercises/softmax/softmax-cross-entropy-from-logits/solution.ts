/**
 * −log a_y = log Σ_k e^{z_k − M} − (z_y − M) with M = max_k z_k: every exponential is at most 1 and one of
 * them is exactly 1, so nothing overflows and the log never sees 0.
 */
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  const m = Z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = Z[i]!;
    const max = Math.max(...row);
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z - max);
    total += Math.log(sumExp) - (row[y[i]!]! - max);
  }
  return total / m;
}
