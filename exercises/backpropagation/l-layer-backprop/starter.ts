/**
 * Backpropagation through an L-layer network, one example per COLUMN, ReLU hidden layers and a sigmoid output:
 *   Z[l] = W[l] A[l−1] + b[l]  (A[0] = X),  A[l] = ReLU(Z[l]) for l < L,  A[L] = σ(Z[L]),
 *   J = −(1/m) Σ_i [ y(i) log a[L](i) + (1 − y(i)) log(1 − a[L](i)) ].
 * Matrices are arrays of rows; lists count layers from 0 in code: W[l − 1] is W[l].
 *
 * @param X n[0] × m, column i is the example x(i)
 * @param Y 1 × m, the labels (0 or 1)
 * @param W L matrices, W[l − 1] is W[l] with shape n[l] × n[l−1] (n[L] = 1)
 * @param b L columns,  b[l − 1] is b[l] with shape n[l] × 1
 * @returns dW and db in the same order and shapes as W and b
 */
export function lLayerBackprop(X: number[][], Y: number[][], W: number[][][], b: number[][][]): { dW: number[][][]; db: number[][][] } {
  const zerosLike = (M: number[][]): number[][] => M.map((row) => row.map(() => 0));
  // Your code here: the forward pass (keep every Z[l] and A[l]), then the backward pass from layer L down to 1.
  return { dW: W.map(zerosLike), db: b.map(zerosLike) };
}
