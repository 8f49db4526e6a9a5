/** Misconception `state-never-updated`: every step reads a<0> = 0 instead of the a<t−1> just computed. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

function softmax(z: number[]): number[] {
  const largest = Math.max(...z);
  const e = z.map((v) => Math.exp(v - largest));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

export function rnnForward(
  x: number[][][],
  Waa: number[][],
  Wax: number[][],
  Wya: number[][],
  ba: number[],
  by: number[],
): { a: number[][][]; yHat: number[][][] } {
  const a0 = ba.map(() => 0);
  const a = x.map((sequence) => sequence.map((xt) => affine(Wax, xt, affine(Waa, a0, ba)).map(Math.tanh)));
  const yHat = a.map((states) => states.map((state) => softmax(affine(Wya, state, by))));
  return { a, yHat };
}
