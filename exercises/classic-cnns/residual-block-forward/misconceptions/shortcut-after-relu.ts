/** Misconception "shortcut-after-relu": a[l+2] = g(z[l+2]) + a[l], the shortcut added after the second ReLU. */
function linear(W: number[][], A: number[][], b: number[]): number[][] {
  return W.map((row, j) => A[0]!.map((_, i) => row.reduce((sum, w, k) => sum + w * A[k]![i]!, b[j]!)));
}

const relu = (Z: number[][]): number[][] => Z.map((row) => row.map((z) => Math.max(0, z)));

export function residualBlockForward(
  A: number[][],
  W1: number[][],
  b1: number[],
  W2: number[][],
  b2: number[],
  Ws: number[][] | null,
): number[][] {
  const A1 = relu(linear(W1, A, b1));
  const Z2 = linear(W2, A1, b2);
  const shortcut = Ws === null ? A : linear(Ws, A, Ws.map(() => 0));
  return relu(Z2).map((row, j) => row.map((a, i) => a + shortcut[j]![i]!));
}
