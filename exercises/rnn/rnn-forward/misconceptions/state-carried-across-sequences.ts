/** Misconception `state-carried-across-sequences`: one state variable for the whole batch, so sequence i starts from the last a of sequence i − 1. */
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
  let state = ba.map(() => 0);
  const a = x.map((sequence) =>
    sequence.map((xt) => {
      state = affine(Wax, xt, affine(Waa, state, ba)).map(Math.tanh);
      return state;
    }),
  );
  const yHat = a.map((states) => states.map((s) => softmax(affine(Wya, s, by))));
  return { a, yHat };
}
