/**
 * Backpropagation with L2 regularisation through a two-layer network, one example per COLUMN:
 *   Z[1] = W[1] X + b[1],  A[1] = ReLU(Z[1]),  Z[2] = W[2] A[1] + b[2],  A[2] = σ(Z[2]),
 *   J = −(1/m) Σ_i [ y(i) log a[2](i) + (1 − y(i)) log(1 − a[2](i)) ] + λ/(2m) (‖W[1]‖² + ‖W[2]‖²),
 * where ‖W‖² sums the squares of all entries and the biases are not regularised. Matrices are arrays of rows.
 *
 * @param X      n_x × m, column i is the example x(i)
 * @param Y      1 × m, the labels (0 or 1)
 * @param W1     n[1] × n_x, b1 n[1] × 1
 * @param W2     1 × n[1],   b2 1 × 1
 * @param lambda the regularisation parameter λ ≥ 0
 * @returns the gradients of J, each with the shape of its parameter
 */
export function l2RegularizedBackprop(
  X: number[][],
  Y: number[][],
  W1: number[][],
  b1: number[][],
  W2: number[][],
  b2: number[][],
  lambda: number,
): { dW1: number[][]; db1: number[][]; dW2: number[][]; db2: number[][] } {
  const zerosLike = (M: number[][]): number[][] => M.map((row) => row.map(() => 0));
  // Your code here: the forward pass, backpropagation, then the (λ/m)·W terms.
  return { dW1: zerosLike(W1), db1: zerosLike(b1), dW2: zerosLike(W2), db2: zerosLike(b2) };
}
