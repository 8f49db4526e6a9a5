/**
 * Misconception "softmax-across-labels": treats the labels as classes of one softmax (categorical cross-entropy
 * on the multi-hot target), so each example's probabilities sum to 1.
 */
export function multiLabelLoss(Z: number[][], Y: number[][]): { A: number[][]; J: number } {
  const m = Z.length;
  let total = 0;
  const A = Z.map((row, i) => {
    const max = Math.max(...row);
    const sum = row.reduce((s, z) => s + Math.exp(z - max), 0);
    return row.map((z, k) => {
      const logA = z - max - Math.log(sum);
      total += -Y[i]![k]! * logA;
      return Math.exp(logA);
    });
  });
  return { A, J: total / m };
}
