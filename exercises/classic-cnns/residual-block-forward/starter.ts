/**
 * Forward propagation through a residual block of two dense layers with ReLU, one example per COLUMN:
 *   a[l+1] = g(W[l+1] a[l] + b[l+1]),   z[l+2] = W[l+2] a[l+1] + b[l+2],   a[l+2] = g(z[l+2] + W_s a[l]),
 * with g = ReLU, g(z) = max(0, z). The shortcut a[l] is added to z[l+2] BEFORE the second ReLU.
 * Ws === null means the identity shortcut (W_s = I, so n[l+2] = n[l]); a matrix Ws is a projection shortcut
 * (no bias), used whenever it is given, even when it is square.
 *
 * @param A  a[l], n[l] × m: column i is example i
 * @param W1 W[l+1], n[l+1] × n[l]
 * @param b1 b[l+1], n[l+1] numbers, added to every column
 * @param W2 W[l+2], n[l+2] × n[l+1]
 * @param b2 b[l+2], n[l+2] numbers, added to every column
 * @param Ws W_s, n[l+2] × n[l], or null for the identity shortcut
 * @returns a[l+2], n[l+2] × m
 */
export function residualBlockForward(
  A: number[][],
  W1: number[][],
  b1: number[],
  W2: number[][],
  b2: number[],
  Ws: number[][] | null,
): number[][] {
  // Replace this placeholder with your implementation.
  return b2.map(() => A[0]!.map(() => 0));
}
