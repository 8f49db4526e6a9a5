/** Misconception `memory-not-carried`: only a<t> is carried; c<t−1> is never updated, so every step reads c<0> = 0 and c<t> = Γu * c̃<t>. */
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
    const cPrev = bc.map(() => 0);
    let cNext = cPrev;
    const activations: number[][] = [];
    for (const xt of sequence) {
      const concat = [...aPrev, ...xt];
      const cTilde = affine(Wc, concat, bc).map(Math.tanh);
      const gammaU = affine(Wu, concat, bu).map(sigmoid);
      const gammaF = affine(Wf, concat, bf).map(sigmoid);
      const gammaO = affine(Wo, concat, bo).map(sigmoid);
      // c<t−1> is read but never replaced by the new c<t>: every step sees c<0> = 0.
      cNext = cPrev.map((c, i) => gammaU[i]! * cTilde[i]! + gammaF[i]! * c);
      aPrev = cNext.map((c, i) => gammaO[i]! * Math.tanh(c));
      activations.push(aPrev);
    }
    a.push(activations);
    cLast.push(cNext);
  }
  return { a, cLast };
}
