/** Misconception "divides-by-n": averages over the n features (w.length) instead of the m examples. */
export function computeCost(X: number[][], y: number[], w: number[], b: number): number {
  const m = X.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const row = X[i]!;
    let prediction = b;
    for (let j = 0; j < w.length; j++) prediction += w[j]! * row[j]!;
    const error = prediction - y[i]!;
    total += error * error;
  }
  return total / (2 * w.length);
}
