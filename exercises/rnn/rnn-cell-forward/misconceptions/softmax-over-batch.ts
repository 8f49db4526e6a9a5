/** Misconception `softmax-over-batch`: the softmax normalises each output over the m examples (the wrong axis). */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function rnnCellForward(
  xt: number[][],
  aPrev: number[][],
  Waa: number[][],
  Wax: number[][],
  Wya: number[][],
  ba: number[],
  by: number[],
): { aNext: number[][]; yHat: number[][] } {
  const aNext = xt.map((x, i) => affine(Wax, x, affine(Waa, aPrev[i]!, ba)).map(Math.tanh));
  const logits = aNext.map((a) => affine(Wya, a, by));
  const yHat = logits.map((row) => row.map(() => 0));
  by.forEach((_, k) => {
    const largest = Math.max(...logits.map((row) => row[k]!));
    const e = logits.map((row) => Math.exp(row[k]! - largest));
    const total = e.reduce((s, v) => s + v, 0);
    e.forEach((v, i) => (yHat[i]![k] = v / total));
  });
  return { aNext, yHat };
}
