/** Misconception "binary-cross-entropy-on-one-hot": sums a binary cross-entropy over every class of the one-hot label. */
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  const m = Z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = Z[i]!;
    const max = Math.max(...row);
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z - max);
    for (let j = 0; j < row.length; j++) {
      const a = Math.exp(row[j]! - max) / sumExp;
      const t = j === y[i] ? 1 : 0;
      total += -t * Math.log(a) - (1 - t) * Math.log(1 - a);
    }
  }
  return total / m;
}
