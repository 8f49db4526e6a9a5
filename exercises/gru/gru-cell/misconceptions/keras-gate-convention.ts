/** Misconception `keras-gate-convention`: Keras's gate convention, c<t> = Γu·c<t−1> + (1 − Γu)·c̃<t> (the roles of Γu and 1 − Γu swapped). */
function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** W·v + b for a matrix given as rows. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function gruCell(
  x: number[],
  cPrev: number[],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wr: number[][],
  br: number[],
): { cNext: number[]; gammaU: number[]; gammaR: number[] } {
  const concat = [...cPrev, ...x];
  const gammaU = affine(Wu, concat, bu).map(sigmoid);
  const gammaR = affine(Wr, concat, br).map(sigmoid);
  // Γr decides how much of c<t−1> is relevant to the candidate.
  const relevant = [...cPrev.map((c, i) => gammaR[i]! * c), ...x];
  const cTilde = affine(Wc, relevant, bc).map(Math.tanh);
  const cNext = cPrev.map((c, i) => gammaU[i]! * c + (1 - gammaU[i]!) * cTilde[i]!);
  return { cNext, gammaU, gammaR };
}
