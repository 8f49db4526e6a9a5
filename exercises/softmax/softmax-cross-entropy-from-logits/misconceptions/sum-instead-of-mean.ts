/** Misconception "sum-instead-of-mean": adds the examples' losses without dividing by m. */
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  let total = 0;
  for (let i = 0; i < Z.length; i++) {
    const row = Z[i]!;
    const max = Math.max(...row);
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z - max);
    total += Math.log(sumExp) - (row[y[i]!]! - max);
  }
  return total;
}
