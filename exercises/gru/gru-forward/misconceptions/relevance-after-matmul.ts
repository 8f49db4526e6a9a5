/** Misconception `relevance-after-matmul`: the reset-after form, c̃<t> = tanh(Γr * (Wc_c c<t−1>) + Wc_x x<t> + bc). */
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
  const nc = bc.length;
  const c = x.map((sequence) => {
    let state = bc.map(() => 0);
    return sequence.map((xt) => {
      const concat = [...state, ...xt];
      const gammaU = affine(Wu, concat, bu).map(sigmoid);
      const gammaR = affine(Wr, concat, br).map(sigmoid);
      const fromC = Wc.map((row) => row.slice(0, nc).reduce((sum, w, j) => sum + w * state[j]!, 0));
      const fromX = Wc.map((row, i) => row.slice(nc).reduce((sum, w, j) => sum + w * xt[j]!, bc[i]!));
      const cTilde = fromC.map((v, i) => Math.tanh(gammaR[i]! * v + fromX[i]!));
      state = state.map((v, i) => gammaU[i]! * cTilde[i]! + (1 - gammaU[i]!) * v);
      return state;
    });
  });
  return { c };
}
