/** Misconception "threshold-on-z": compares z = w·x + b with the threshold instead of the probability g(z). */
export function predictLogistic(X: number[][], w: number[], b: number, threshold: number): { probabilities: number[]; predictions: number[] } {
  const logits = X.map((row) => row.reduce((z, x, j) => z + w[j]! * x, b));
  return { probabilities: logits.map((z) => 1 / (1 + Math.exp(-z))), predictions: logits.map((z) => (z >= threshold ? 1 : 0)) };
}
