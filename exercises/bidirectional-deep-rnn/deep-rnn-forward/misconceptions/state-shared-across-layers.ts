/** Misconception `state-shared-across-layers`: one state variable for the whole stack, so layer l starts from the last activation a[l−1]<T_x> of the layer below instead of a[l]<0> = 0. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function deepRnnForward(x: number[][][], Wa: number[][][], ba: number[][]): { a: number[][][][] } {
  const a: number[][][][] = Wa.map(() => []);
  for (const sequence of x) {
    let below = sequence;
    let state = ba[0]!.map(() => 0);
    Wa.forEach((W, l) => {
      const outputs = below.map((input) => {
        state = affine(W, [...state, ...input], ba[l]!).map(Math.tanh);
        return state;
      });
      a[l]!.push(outputs);
      below = outputs;
    });
  }
  return { a };
}
