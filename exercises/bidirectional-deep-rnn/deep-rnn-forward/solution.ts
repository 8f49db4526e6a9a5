/** Model solution for `deep-rnn-forward` (plain TypeScript, float64). */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function deepRnnForward(x: number[][][], Wa: number[][][], ba: number[][]): { a: number[][][][] } {
  const a: number[][][][] = [];
  let below = x; // a[0]<t> = x<t>
  Wa.forEach((W, l) => {
    // Layer l is an ordinary RNN whose input sequence is the output sequence of the layer below.
    const layer = below.map((sequence) => {
      let state = ba[l]!.map(() => 0);
      return sequence.map((input) => {
        state = affine(W, [...state, ...input], ba[l]!).map(Math.tanh);
        return state;
      });
    });
    a.push(layer);
    below = layer;
  });
  return { a };
}
