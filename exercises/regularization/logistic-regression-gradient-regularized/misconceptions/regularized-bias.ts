/** Misconception "regularized-bias": keeps the notes' optional λ/(2m)·b² term, adding λ/m·b to ∂J/∂b. */
export function computeGradientLogisticReg(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
  lambda: number,
): { dj_dw: number[]; dj_db: number } {
  const m = X.length;
  const n = w.length;
  const dj_dw = new Array<number>(n).fill(0);
  let dj_db = 0;
  for (let i = 0; i < m; i++) {
    const row = X[i]!;
    let z = b;
    for (let j = 0; j < n; j++) z += w[j]! * row[j]!;
    const error = 1 / (1 + Math.exp(-z)) - y[i]!;
    for (let j = 0; j < n; j++) dj_dw[j] = dj_dw[j]! + error * row[j]!;
    dj_db += error;
  }
  return { dj_dw: dj_dw.map((g, j) => g / m + (lambda / m) * w[j]!), dj_db: dj_db / m + (lambda / m) * b };
}
