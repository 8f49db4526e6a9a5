/** Misconception `concat-order-swapped`: ŷ<t> = softmax(Wy [a←<t>; a→<t>] + by), the backward half first. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

function softmax(z: number[]): number[] {
  const largest = Math.max(...z);
  const e = z.map((v) => Math.exp(v - largest));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

export function bidirectionalRnnOutput(
  x: number[][][],
  WaaF: number[][],
  WaxF: number[][],
  baF: number[],
  WaaB: number[][],
  WaxB: number[][],
  baB: number[],
  Wy: number[][],
  by: number[],
): { aForward: number[][][]; aBackward: number[][][]; yHat: number[][][] } {
  const aForward: number[][][] = [];
  const aBackward: number[][][] = [];
  const yHat: number[][][] = [];
  for (const sequence of x) {
    const steps = sequence.length;
    const forward: number[][] = [];
    let state = baF.map(() => 0);
    for (let t = 0; t < steps; t++) {
      state = affine(WaxF, sequence[t]!, affine(WaaF, state, baF)).map(Math.tanh);
      forward[t] = state;
    }
    const backward: number[][] = [];
    state = baB.map(() => 0);
    for (let t = steps - 1; t >= 0; t--) {
      state = affine(WaxB, sequence[t]!, affine(WaaB, state, baB)).map(Math.tanh);
      backward[t] = state;
    }
    aForward.push(forward);
    aBackward.push(backward);
    yHat.push(forward.map((aF, t) => softmax(affine(Wy, [...backward[t]!, ...aF], by))));
  }
  return { aForward, aBackward, yHat };
}
