/**
 * L = max(z, 0) − z·y + log(1 + e^{−|z|}): equal to −y·log σ(z) − (1 − y)·log(1 − σ(z)), but its exponential is
 * at most 1, so nothing overflows and no probability is rounded to 0 or 1 before the log.
 */
export function binaryCrossEntropyFromLogits(z: number[], y: number[]): number {
  const m = z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const zi = z[i]!;
    total += Math.max(zi, 0) - zi * y[i]! + Math.log1p(Math.exp(-Math.abs(zi)));
  }
  return total / m;
}
