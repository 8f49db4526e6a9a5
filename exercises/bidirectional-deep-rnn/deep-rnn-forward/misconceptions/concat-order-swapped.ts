/** Misconception `concat-order-swapped`: W_a[l] applied to [a[l−1]<t>; a[l]<t−1>], the input from below first. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function deepRnnForward(x: number[][][], Wa: number[][][], ba: number[][]): { a: number[][][][] } {
  const a: number[][][][] = [];
  let below = x;
  Wa.forEach((W, l) => {
    const layer = below.map((sequence) => {
      let state = ba[l]!.map(() => 0);
      return sequence.map((input) => {
        state = affine(W, [...input, ...state], ba[l]!).map(Math.tanh);
        return state;
      });
    });
    a.push(layer);
    below = layer;
  });
  return { a };
}
