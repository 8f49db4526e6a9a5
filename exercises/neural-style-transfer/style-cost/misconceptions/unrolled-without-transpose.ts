/**
 * Misconception "unrolled-without-transpose": reshapes each NHWC buffer straight to [n_C, n_H·n_W] (numpy's
 * a.reshape(n_C, n_H * n_W)), so the "channel rows" mix channels and both Gram matrices are wrong.
 */
function scrambledGram(a: number[][][][]): number[][] {
  const flat = a[0]!.flat(2);
  const nC = a[0]![0]![0]!.length;
  const positions = flat.length / nC;
  const A = Array.from({ length: nC }, (_, k) => flat.slice(k * positions, (k + 1) * positions));
  return A.map((rowK) => A.map((rowK2) => rowK.reduce((sum, v, p) => sum + v * rowK2[p]!, 0)));
}

export function layerStyleCost(a_S: number[][][][], a_G: number[][][][]): number {
  const GS = scrambledGram(a_S);
  const GG = scrambledGram(a_G);
  const positions = a_S[0]!.flat().length;
  const sum = GS.reduce((s, row, k) => row.reduce((t, v, k2) => t + (v - GG[k]![k2]!) ** 2, s), 0);
  return sum / (2 * positions * GS.length) ** 2;
}
