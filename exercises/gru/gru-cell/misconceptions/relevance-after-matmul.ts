/** Misconception `relevance-after-matmul`: Γr applied after the weights, c̃<t> = tanh(Γr * (Wc_c c<t−1>) + Wc_x x<t> + bc). */
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
  const nc = cPrev.length;
  const fromC = Wc.map((row) => row.slice(0, nc).reduce((sum, w, j) => sum + w * cPrev[j]!, 0));
  const fromX = Wc.map((row, i) => row.slice(nc).reduce((sum, w, j) => sum + w * x[j]!, bc[i]!));
  const cTilde = fromC.map((v, i) => Math.tanh(gammaR[i]! * v + fromX[i]!));
  const cNext = cPrev.map((c, i) => gammaU[i]! * cTilde[i]! + (1 - gammaU[i]!) * c);
  return { cNext, gammaU, gammaR };
}
