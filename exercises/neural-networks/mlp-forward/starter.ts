/**
 * Forward propagation through a whole network, one example per COLUMN:
 *   A[0] = X,   Z[l] = W[l]·A[l−1] + b[l],   A[l] = g[l](Z[l]),   output A[L].
 * Hidden layers 1..L−1 use `hiddenActivation`; the output layer's activation follows the task:
 *   "binary" → sigmoid,  "regression" → linear g(z) = z,  "non-negative" → ReLU.
 *
 * @param X                n[0] × m, column i is the example x(i)
 * @param layers           L layers; layer l has W: n[l] × n[l−1] (row j is w_j of unit j) and b: n[l] numbers
 * @param hiddenActivation "relu" | "sigmoid" | "tanh" | "linear"
 * @param task             "binary" | "regression" | "non-negative"
 * @returns A[L], n[L] × m: the network's outputs, one column per example
 */
export function mlpForward(
  X: number[][],
  layers: { W: number[][]; b: number[] }[],
  hiddenActivation: string,
  task: string,
): number[][] {
  // Replace this placeholder with your implementation.
  const last = layers[layers.length - 1]!;
  return last.W.map(() => X[0]!.map(() => 0));
}
