/**
 * Misconception "unrolled-without-transpose": reshapes the NHWC buffer straight to [n_C, n_H·n_W] (numpy's
 * a.reshape(n_C, n_H * n_W)), so each "channel row" is a run of consecutive values that mixes channels.
 */
export function gramMatrix(a: number[][][][]): number[][] {
  const flat = a[0]!.flat(2);
  const nC = a[0]![0]![0]!.length;
  const positions = flat.length / nC;
  const A = Array.from({ length: nC }, (_, k) => flat.slice(k * positions, (k + 1) * positions));
  return A.map((rowK) => A.map((rowK2) => rowK.reduce((sum, v, p) => sum + v * rowK2[p]!, 0)));
}
