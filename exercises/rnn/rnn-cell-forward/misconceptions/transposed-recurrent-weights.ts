/** Misconception `transposed-recurrent-weights`: a<t−1> multiplied by W_aaᵀ (W_aa[j][i]) instead of W_aa. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}
function softmax(z: number[]): number[] {
  const largest = Math.max(...z);
  const e = z.map((v) => Math.exp(v - largest));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
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
  const WaaT = Waa.map((row, i) => row.map((_, j) => Waa[j]![i]!));
  const aNext = xt.map((x, i) => affine(Wax, x, affine(WaaT, aPrev[i]!, ba)).map(Math.tanh));
  const yHat = aNext.map((a) => softmax(affine(Wya, a, by)));
  return { aNext, yHat };
}
