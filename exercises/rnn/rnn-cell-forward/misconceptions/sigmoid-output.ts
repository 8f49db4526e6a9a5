/** Misconception `sigmoid-output`: ŷ<t> = σ(W_ya a<t> + b_y), the notes' binary-output g, instead of a softmax. */
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
  const yHat = aNext.map((a) => affine(Wya, a, by).map((z) => 1 / (1 + Math.exp(-z))));
  return { aNext, yHat };
}
