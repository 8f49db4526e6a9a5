/**
 * Mean softmax cross-entropy computed from the logits:
 *   J = 1/m · Σ_i −log a⁽ⁱ⁾_{y⁽ⁱ⁾},   a_j = e^{z_j} / Σ_k e^{z_k}.
 * Must stay finite for logits as large as ±1000.
 *
 * @param Z m×N logits, row-major: Z[i][j] is the logit of class j for example i
 * @param y the m true classes, integers 0..N−1
 * @returns the mean cross-entropy J
 */
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  // Replace this line with your implementation.
  throw new Error("softmaxCrossEntropy is not implemented yet");
}
