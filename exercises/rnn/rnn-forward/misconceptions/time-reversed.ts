/** Misconception `time-reversed`: the sequence read from its last element to its first (x<T_x> first). */
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
  const a = x.map((sequence) => {
    let state = ba.map(() => 0);
    return [...sequence].reverse().map((xt) => {
      state = affine(Wax, xt, affine(Waa, state, ba)).map(Math.tanh);
      return state;
    });
  });
  const yHat = a.map((states) => states.map((s) => softmax(affine(Wya, s, by))));
  return { a, yHat };
}
