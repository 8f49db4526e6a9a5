/** Misconception "forgot-log": averages −a_y instead of −log a_y. */
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  const m = Z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = Z[i]!;
    const max = Math.max(...row);
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z - max);
    total += -Math.exp(row[y[i]!]! - max) / sumExp;
  }
  return total / m;
}
