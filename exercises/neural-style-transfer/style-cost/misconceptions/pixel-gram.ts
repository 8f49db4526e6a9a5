/** Misconception "pixel-gram": Gram matrices over the positions, Aᵀ A ([n_H·n_W, n_H·n_W]), instead of A Aᵀ. */
function pixelGram(a: number[][][][]): number[][] {
  const image = a[0]!;
  const nC = image[0]![0]!.length;
  const A = Array.from({ length: nC }, (_, k) => image.flatMap((row) => row.map((pixel) => pixel[k]!)));
  const positions = A[0]!.length;
  return Array.from({ length: positions }, (_, p) =>
    Array.from({ length: positions }, (_, q) => A.reduce((sum, rowK) => sum + rowK[p]! * rowK[q]!, 0)),
  );
}

export function layerStyleCost(a_S: number[][][][], a_G: number[][][][]): number {
  const GS = pixelGram(a_S);
  const GG = pixelGram(a_G);
  const nC = a_S[0]![0]![0]!.length;
  const sum = GS.reduce((s, row, p) => row.reduce((t, v, q) => t + (v - GG[p]![q]!) ** 2, s), 0);
  return sum / (2 * GS.length * nC) ** 2;
}
