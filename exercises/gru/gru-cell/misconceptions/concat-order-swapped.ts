/** Misconception `concat-order-swapped`: the concatenation built as [x<t>, c<t−1>] instead of [c<t−1>, x<t>]. */
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
  const concat = [...x, ...cPrev];
  const gammaU = affine(Wu, concat, bu).map(sigmoid);
  const gammaR = affine(Wr, concat, br).map(sigmoid);
  // Γr decides how much of c<t−1> is relevant to the candidate.
  const relevant = [...x, ...cPrev.map((c, i) => gammaR[i]! * c)];
  const cTilde = affine(Wc, relevant, bc).map(Math.tanh);
  const cNext = cPrev.map((c, i) => gammaU[i]! * cTilde[i]! + (1 - gammaU[i]!) * c);
  return { cNext, gammaU, gammaR };
}
