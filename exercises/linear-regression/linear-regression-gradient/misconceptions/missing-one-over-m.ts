/** Misconception "missing-one-over-m": sums the per-example gradients without dividing by m. */
export function computeGradient(X: number[][], y: number[], w: number[], b: number): { dj_dw: number[]; dj_db: number } {
  const m = X.length;
  const n = w.length;
  const dj_dw: number[] = new Array<number>(n).fill(0);
  let dj_db = 0;
  for (let i = 0; i < m; i++) {
    const row = X[i]!;
    let prediction = b;
    for (let j = 0; j < n; j++) prediction += w[j]! * row[j]!;
    const error = prediction - y[i]!;
    for (let j = 0; j < n; j++) {
      dj_dw[j] = dj_dw[j]! + error * row[j]!;
    }
    dj_db += error;
  }
  return { dj_dw: dj_dw.map((g) => g), dj_db: dj_db };
}
