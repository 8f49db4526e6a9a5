/** Misconception `softmax-without-max`: e^z / Σ e^z without subtracting the largest logit (overflows near 1000). */
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
  const yHat = aNext.map((a) => {
    const e = affine(Wya, a, by).map(Math.exp);
    const total = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / total);
  });
  return { aNext, yHat };
}
