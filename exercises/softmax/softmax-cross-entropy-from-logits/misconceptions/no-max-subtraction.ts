/** Misconception "no-max-subtraction": softmax straight from e^z, which overflows for large logits. */
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  const m = Z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = Z[i]!;
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z);
    const probability = Math.exp(row[y[i]!]!) / sumExp;
    total += -Math.log(probability);
  }
  return total / m;
}
