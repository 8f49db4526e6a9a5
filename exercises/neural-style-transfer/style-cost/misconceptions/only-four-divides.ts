/**
 * Misconception "only-four-divides": writes 1 / 4 * n_C**2 * (n_H*n_W)**2 * sum, so only the 4 divides and the
 * rest of the denominator multiplies (operator precedence).
 */
function gram(a: number[][][][]): number[][] {
  const image = a[0]!;
  const nC = image[0]![0]!.length;
  const A = Array.from({ length: nC }, (_, k) => image.flatMap((row) => row.map((pixel) => pixel[k]!)));
  return A.map((rowK) => A.map((rowK2) => rowK.reduce((sum, v, p) => sum + v * rowK2[p]!, 0)));
}

export function layerStyleCost(a_S: number[][][][], a_G: number[][][][]): number {
  const GS = gram(a_S);
  const GG = gram(a_G);
  const positions = a_S[0]!.flat().length;
  const nC = GS.length;
  const sum = GS.reduce((s, row, k) => row.reduce((t, v, k2) => t + (v - GG[k]![k2]!) ** 2, s), 0);
  return (1 / 4) * nC ** 2 * positions ** 2 * sum;
}
