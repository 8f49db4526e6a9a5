/** Misconception `concat-with-c-prev`: the GRU habit c<t−1> = a<t−1>: the gates read [c<t−1>, x<t>] instead of [a<t−1>, x<t>]. */
function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** W·v + b for a matrix given as rows. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function lstmCell(
  x: number[],
  aPrev: number[],
  cPrev: number[],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wf: number[][],
  bf: number[],
  Wo: number[][],
  bo: number[],
): { aNext: number[]; cNext: number[] } {
  const concat = [...cPrev, ...x];
  const cTilde = affine(Wc, concat, bc).map(Math.tanh);
  const gammaU = affine(Wu, concat, bu).map(sigmoid);
  const gammaF = affine(Wf, concat, bf).map(sigmoid);
  const gammaO = affine(Wo, concat, bo).map(sigmoid);
  const cNext = cPrev.map((c, i) => gammaU[i]! * cTilde[i]! + gammaF[i]! * c);
  // tanh squashes the unbounded memory cell before the output gate scales it.
  const aNext = cNext.map((c, i) => gammaO[i]! * Math.tanh(c));
  return { aNext, cNext };
}
