/** Misconception `missing-relevance-gate`: the notes' simplified GRU, c̃<t> = tanh(Wc[c<t−1>, x<t>] + bc) without Γr. */
function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** W·v + b for a matrix given as rows. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function gruForward(
  x: number[][][],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wr: number[][],
  br: number[],
): { c: number[][][] } {
  const c = x.map((sequence) => {
    let state = bc.map(() => 0);
    return sequence.map((xt) => {
      const concat = [...state, ...xt];
      const gammaU = affine(Wu, concat, bu).map(sigmoid);
      const cTilde = affine(Wc, concat, bc).map(Math.tanh);
      state = state.map((v, i) => gammaU[i]! * cTilde[i]! + (1 - gammaU[i]!) * v);
      return state;
    });
  });
  return { c };
}
