/** Misconception "sigmoid-then-log": a = σ(z) first, then −y·log a − (1 − y)·log(1 − a). */
export function binaryCrossEntropyFromLogits(z: number[], y: number[]): number {
  const m = z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const a = 1 / (1 + Math.exp(-z[i]!));
    total += y[i] === 1 ? -Math.log(a) : -Math.log(1 - a);
  }
  return total / m;
}
