/**
 * Splits a training set into mini-batches, one example per COLUMN:
 *   1. shuffle the columns of X and Y with the same permutation: column k of the shuffled set is column
 *      permutation[k] of the original (numpy's X[:, permutation]);
 *   2. cut the shuffled set into consecutive batches of miniBatchSize columns; the last batch holds the
 *      m mod miniBatchSize columns left over, if any.
 * Matrices are arrays of rows.
 *
 * @param X             n_x × m inputs
 * @param Y             1 × m labels
 * @param permutation   a permutation of 0 … m − 1
 * @param miniBatchSize the number of examples per mini-batch, ≥ 1
 * @returns the mini-batches in order, each { X: n_x × size, Y: 1 × size }
 */
export function randomMiniBatches(
  X: number[][],
  Y: number[][],
  permutation: number[],
  miniBatchSize: number,
): { X: number[][]; Y: number[][] }[] {
  // Replace this placeholder with the shuffled mini-batches.
  return [{ X, Y }];
}
