/** Misconception `one-minus-update-gate`: the GRU update c<t> = Γu * c̃<t> + (1 − Γu) * c<t−1>, Γf unused. */
function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** W·v + b for a matrix given as rows. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function lstmForward(
  x: number[][][],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wf: number[][],
  bf: number[],
  Wo: number[][],
  bo: number[],
): { a: number[][][]; cLast: number[][] } {
  const a: number[][][] = [];
  const cLast: number[][] = [];
  for (const sequence of x) {
    let aPrev = bc.map(() => 0);
    let cPrev = bc.map(() => 0);
    const activations: number[][] = [];
    for (const xt of sequence) {
      const concat = [...aPrev, ...xt];
      const cTilde = affine(Wc, concat, bc).map(Math.tanh);
      const gammaU = affine(Wu, concat, bu).map(sigmoid);
      const gammaF = affine(Wf, concat, bf).map(sigmoid);
      const gammaO = affine(Wo, concat, bo).map(sigmoid);
      cPrev = cPrev.map((c, i) => gammaU[i]! * cTilde[i]! + (1 - gammaU[i]!) * c);
      aPrev = cPrev.map((c, i) => gammaO[i]! * Math.tanh(c));
      activations.push(aPrev);
    }
    a.push(activations);
    cLast.push(cPrev);
  }
  return { a, cLast };
}
