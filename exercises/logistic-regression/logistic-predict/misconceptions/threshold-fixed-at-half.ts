/** Misconception "threshold-fixed-at-half": ignores the threshold argument and always predicts 1 when f ≥ 0.5. */
export function predictLogistic(X: number[][], w: number[], b: number, threshold: number): { probabilities: number[]; predictions: number[] } {
  const probabilities = X.map((row) => 1 / (1 + Math.exp(-row.reduce((z, x, j) => z + w[j]! * x, b))));
  return { probabilities, predictions: probabilities.map((f) => (f >= 0.5 ? 1 : 0)) };
}
