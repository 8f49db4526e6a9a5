/** Misconception `state-carried-across-sequences`: one state for the whole batch, so sequence i starts from the last c of sequence i − 1. */
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
  let state = bc.map(() => 0);
  const c = x.map((sequence) =>
    sequence.map((xt) => {
      const concat = [...state, ...xt];
      const gammaU = affine(Wu, concat, bu).map(sigmoid);
      const gammaR = affine(Wr, concat, br).map(sigmoid);
      const relevant = [...state.map((v, i) => gammaR[i]! * v), ...xt];
      const cTilde = affine(Wc, relevant, bc).map(Math.tanh);
      state = state.map((v, i) => gammaU[i]! * cTilde[i]! + (1 - gammaU[i]!) * v);
      return state;
    }),
  );
  return { c };
}
