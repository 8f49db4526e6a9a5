/** Misconception "log-of-predicted-class": −log of the largest probability, whatever the label says. */
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  const m = Z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = Z[i]!;
    const max = Math.max(...row);
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z - max);
    const predicted = row.indexOf(max);
    total += Math.log(sumExp) - (row[predicted]! - max);
  }
  return total / m;
}
