/** Misconception "centred-channels": subtracts each channel's mean first, a covariance rather than a Gram. */
export function gramMatrix(a: number[][][][]): number[][] {
  const image = a[0]!;
  const nC = image[0]![0]!.length;
  const A = Array.from({ length: nC }, (_, k) => {
    const values = image.flatMap((row) => row.map((pixel) => pixel[k]!));
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    return values.map((v) => v - mean);
  });
  return A.map((rowK) => A.map((rowK2) => rowK.reduce((sum, v, p) => sum + v * rowK2[p]!, 0)));
}
