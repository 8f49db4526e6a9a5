/**
 * Logistic-regression predictions: for each example, z = w·x + b, the probability f = g(z) = 1 / (1 + e^(−z))
 * that y = 1, and the prediction ŷ = 1 when f ≥ threshold, else 0 (a probability exactly at the threshold
 * predicts 1). With threshold 0.5 the decision boundary is z = 0.
 *
 * @param X m×n feature matrix, row-major: X[i][j] is feature j of example i (already engineered, e.g. x₁², x₂²)
 * @param w the n weights
 * @param b the bias
 * @param threshold the decision threshold, strictly between 0 and 1
 * @returns probabilities (m numbers f) and predictions (m numbers, each 0 or 1)
 */
export function predictLogistic(
  X: number[][],
  w: number[],
  b: number,
  threshold: number,
): { probabilities: number[]; predictions: number[] } {
  // Replace these placeholders with your implementation.
  return { probabilities: X.map(() => 0.5), predictions: X.map(() => 0) };
}
