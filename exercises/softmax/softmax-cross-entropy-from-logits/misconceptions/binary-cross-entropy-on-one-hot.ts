/**
 * Misconception "binary-cross-entropy-on-one-hot": treats each class of the one-hot label as its own binary
 * problem and adds the notes' piecewise logistic loss over every class: −log a_j where t_j = 1, −log(1 − a_j)
 * where t_j = 0.
 */
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
      total += j === y[i] ? -Math.log(a) : -Math.log(1 - a);
    }
  }
  return total / m;
}
