/** J(w,b) = 1/(2m) · Σ_i (w·x⁽ⁱ⁾ + b − y⁽ⁱ⁾)², one pass over the examples. */
export function computeCost(X: number[][], y: number[], w: number[], b: number): number {
  const m = X.length;
  let sumOfSquares = 0;
  for (let i = 0; i < m; i++) {
    const row = X[i]!;
    let prediction = b;
    for (let j = 0; j < w.length; j++) prediction += w[j]! * row[j]!;
    const error = prediction - y[i]!;
    sumOfSquares += error * error;
  }
  return sumOfSquares / (2 * m);
}
