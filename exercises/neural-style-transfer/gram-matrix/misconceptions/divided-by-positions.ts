/** Misconception "divided-by-positions": normalises the Gram by n_H·n_W, as TensorFlow's tutorial does. */
export function gramMatrix(a: number[][][][]): number[][] {
  const image = a[0]!;
  const nC = image[0]![0]!.length;
  const A = Array.from({ length: nC }, (_, k) => image.flatMap((row) => row.map((pixel) => pixel[k]!)));
  const positions = A[0]!.length;
  return A.map((rowK) => A.map((rowK2) => rowK.reduce((sum, v, p) => sum + v * rowK2[p]!, 0) / positions));
}
