/**
 * Softmax along an axis: a_j = e^{z_j} / Σ_k e^{z_k}, where z_1..z_N are the N logits of one example.
 * Must stay finite for logits as large as ±1000.
 *
 * @param Z    a matrix of logits, row-major (an array of rows)
 * @param axis 1: each row Z[i] is one example's N logits (rows sum to 1);
 *             0: each column is one example's N logits (columns sum to 1)
 * @returns the probabilities, with the shape of Z
 */
export function softmax(Z: number[][], axis: number): number[][] {
  // Replace this line with your implementation.
  return Z.map((row) => row.map(() => 0));
}
