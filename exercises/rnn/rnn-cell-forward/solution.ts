/** Model solution for `rnn-cell-forward` (plain TypeScript, float64). */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

function softmax(z: number[]): number[] {
  // Shifting by the largest logit keeps e^z finite; the ratios are unchanged.
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
  const aNext = xt.map((x, i) => {
    const recurrent = affine(Waa, aPrev[i]!, ba);
    return affine(Wax, x, recurrent).map(Math.tanh);
  });
  const yHat = aNext.map((a) => softmax(affine(Wya, a, by)));
  return { aNext, yHat };
}
