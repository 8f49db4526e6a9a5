/**
 * Backpropagation through a two-layer network, in Ng's notation with one example per COLUMN:
 *   Z[1] = W[1] X + b[1],  A[1] = tanh(Z[1]),  Z[2] = W[2] A[1] + b[2],  A[2] = σ(Z[2]),
 *   J = −(1/m) Σ_i [ y(i) log a[2](i) + (1 − y(i)) log(1 − a[2](i)) ].
 * Matrices are arrays of rows.
 *
 * @param X  n_x × m, column i is the example x(i)
 * @param Y  1 × m, the labels (0 or 1)
 * @param W1 n[1] × n_x, b1 n[1] × 1
 * @param W2 1 × n[1],   b2 1 × 1
 * @returns the gradients of J, each with the shape of its parameter: dW1 n[1] × n_x, db1 n[1] × 1,
 *          dW2 1 × n[1], db2 1 × 1
 */
export function mlpBackprop(
  X: number[][],
  Y: number[][],
  W1: number[][],
  b1: number[][],
  W2: number[][],
  b2: number[][],
): { dW1: number[][]; db1: number[][]; dW2: number[][]; db2: number[][] } {
  const zeros = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const n1 = W1.length;
  const nx = X.length;
  // Your code here: the forward pass, then dZ[2], dW[2], db[2], dZ[1], dW[1], db[1].
  return { dW1: zeros(n1, nx), db1: zeros(n1, 1), dW2: zeros(1, n1), db2: zeros(1, 1) };
}
