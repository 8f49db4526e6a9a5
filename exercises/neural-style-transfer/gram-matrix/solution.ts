/**
 * Unroll the activation into A = [n_C, n_H·n_W] — row k holds channel k at every position — then G = A Aᵀ:
 * G[k][k'] is the dot product of rows k and k'.
 */
export function gramMatrix(a: number[][][][]): number[][] {
  const image = a[0]!;
  const nC = image[0]![0]!.length;
  const A = Array.from({ length: nC }, (_, k) => image.flatMap((row) => row.map((pixel) => pixel[k]!)));
  return A.map((rowK) => A.map((rowK2) => rowK.reduce((sum, v, p) => sum + v * rowK2[p]!, 0)));
}
