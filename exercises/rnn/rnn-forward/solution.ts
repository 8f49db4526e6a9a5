/** Model solution for `rnn-forward` (plain TypeScript, float64). */
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
  const a: number[][][] = [];
  const yHat: number[][][] = [];
  for (const sequence of x) {
    // Every sequence starts from a<0> = 0; the same weights serve every step.
    let state = ba.map(() => 0);
    const states: number[][] = [];
    const outputs: number[][] = [];
    for (const xt of sequence) {
      state = affine(Wax, xt, affine(Waa, state, ba)).map(Math.tanh);
      states.push(state);
      outputs.push(softmax(affine(Wya, state, by)));
    }
    a.push(states);
    yHat.push(outputs);
  }
  return { a, yHat };
}
