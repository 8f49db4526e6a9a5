/** G = A Aᵀ with A = [n_C, n_H·n_W]: row k holds channel k at every position. */
function gram(a: number[][][][]): number[][] {
  const image = a[0]!;
  const nC = image[0]![0]!.length;
  const A = Array.from({ length: nC }, (_, k) => image.flatMap((row) => row.map((pixel) => pixel[k]!)));
  // mutant-equivalent: + → - negates both Gram matrices (G_S − G_G changes sign, its square does not); 0 → 1 adds 1 to every entry of both, which G_S − G_G cancels
  return A.map((rowK) => A.map((rowK2) => rowK.reduce((sum, v, p) => sum + v * rowK2[p]!, 0)));
}

/** The squared Frobenius distance between the two style matrices, divided by (2·n_H·n_W·n_C)². */
export function layerStyleCost(a_S: number[][][][], a_G: number[][][][]): number {
  const GS = gram(a_S);
  const GG = gram(a_G);
  const positions = a_S[0]!.flat().length;
  const sum = GS.reduce((s, row, k) => row.reduce((t, v, k2) => t + (v - GG[k]![k2]!) ** 2, s), 0);
  return sum / (2 * positions * GS.length) ** 2;
}
