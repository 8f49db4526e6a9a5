/** Misconception "no-sigmoid": returns z = w·x + b itself as the probability (linear regression's output) and thresholds it. */
export function predictLogistic(X: number[][], w: number[], b: number, threshold: number): { probabilities: number[]; predictions: number[] } {
  const probabilities = X.map((row) => row.reduce((z, x, j) => z + w[j]! * x, b));
  return { probabilities, predictions: probabilities.map((f) => (f >= threshold ? 1 : 0)) };
}
