/**
 * Misconception "log-of-softmax-probability": a stable softmax (shifted by the row maximum), then −log of the
 * true class's probability. Right for ordinary logits; when the true class trails by more than about 745,
 * its probability underflows to 0 and −log 0 = Infinity, where log-softmax gives the finite loss.
 */
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  const m = Z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = Z[i]!;
    const max = Math.max(...row);
    const exps = row.map((z) => Math.exp(z - max));
    const sum = exps.reduce((s, e) => s + e, 0);
    const probability = exps[y[i]!]! / sum;
    total += -Math.log(probability);
  }
  return total / m;
}
