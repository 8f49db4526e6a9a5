/** Misconception `missing-relevance-gate`: the notes' simplified GRU, c̃<t> = tanh(Wc[c<t−1>, x<t>] + bc), without Γr. */
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
  const relevant = concat;
  const cTilde = affine(Wc, relevant, bc).map(Math.tanh);
  const cNext = cPrev.map((c, i) => gammaU[i]! * cTilde[i]! + (1 - gammaU[i]!) * c);
  return { cNext, gammaU, gammaR };
}
