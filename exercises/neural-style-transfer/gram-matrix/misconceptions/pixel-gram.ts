/** Misconception "pixel-gram": Aᵀ A instead of A Aᵀ, a positions × positions matrix. */
export function gramMatrix(a: number[][][][]): number[][] {
  const image = a[0]!;
  const nC = image[0]![0]!.length;
  const A = Array.from({ length: nC }, (_, k) => image.flatMap((row) => row.map((pixel) => pixel[k]!)));
  const positions = A[0]!.length;
  return Array.from({ length: positions }, (_, p) =>
    Array.from({ length: positions }, (_, q) => A.reduce((sum, rowK) => sum + rowK[p]! * rowK[q]!, 0)),
  );
}
