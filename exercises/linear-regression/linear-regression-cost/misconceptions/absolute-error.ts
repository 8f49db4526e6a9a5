/** Misconception "absolute-error": sums |error| instead of error². */
export function computeCost(X: number[][], y: number[], w: number[], b: number): number {
  const m = X.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = X[i]!;
    let prediction = b;
    for (let j = 0; j < w.length; j++) prediction += w[j]! * row[j]!;
    const error = prediction - y[i]!;
    total += Math.abs(error);
  }
  return total / (2 * m);
}
