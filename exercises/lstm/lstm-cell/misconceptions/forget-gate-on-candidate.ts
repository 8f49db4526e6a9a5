/** Misconception `forget-gate-on-candidate`: the two gates swapped: c<t> = Γf * c̃<t> + Γu * c<t−1>. */
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
  const concat = [...aPrev, ...x];
  const cTilde = affine(Wc, concat, bc).map(Math.tanh);
  const gammaU = affine(Wu, concat, bu).map(sigmoid);
  const gammaF = affine(Wf, concat, bf).map(sigmoid);
  const gammaO = affine(Wo, concat, bo).map(sigmoid);
  const cNext = cPrev.map((c, i) => gammaF[i]! * cTilde[i]! + gammaU[i]! * c);
  // tanh squashes the unbounded memory cell before the output gate scales it.
  const aNext = cNext.map((c, i) => gammaO[i]! * Math.tanh(c));
  return { aNext, cNext };
}
