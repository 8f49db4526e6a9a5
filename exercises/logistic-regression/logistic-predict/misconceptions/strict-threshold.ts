/** Misconception "strict-threshold": predicts 1 only when f > threshold, so a point exactly on the boundary predicts 0. */
export function predictLogistic(X: number[][], w: number[], b: number, threshold: number): { probabilities: number[]; predictions: number[] } {
  const probabilities = X.map((row) => {
    let z = b;
    for (let j = 0; j < w.length; j++) z += w[j]! * row[j]!;
    return 1 / (1 + Math.exp(-z));
  });
  return { probabilities, predictions: probabilities.map((f) => (f > threshold ? 1 : 0)) };
}
