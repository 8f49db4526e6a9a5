/** Misconception "max-shift-applied-once": shifts by the maximum inside the log-sum-exp only, so each loss is off by M. */
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  const m = Z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = Z[i]!;
    const max = Math.max(...row);
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z - max);
    total += Math.log(sumExp) - row[y[i]!]!;
  }
  return total / m;
}
