/** Misconception `x-fed-to-every-layer`: every layer reads x<t> instead of the activation of the layer below, a[l]<t> = tanh(W_a[l] [a[l]<t−1>; x<t>] + b_a[l]). */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function deepRnnForward(x: number[][][], Wa: number[][][], ba: number[][]): { a: number[][][][] } {
  const a: number[][][][] = [];
  Wa.forEach((W, l) => {
    const layer = x.map((sequence) => {
      let state = ba[l]!.map(() => 0);
      return sequence.map((input) => {
        state = affine(W, [...state, ...input], ba[l]!).map(Math.tanh);
        return state;
      });
    });
    a.push(layer);
  });
  return { a };
}
