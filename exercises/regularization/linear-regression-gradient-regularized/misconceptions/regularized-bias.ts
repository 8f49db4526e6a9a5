/** Misconception "regularized-bias": keeps the notes' optional λ/(2m)·b² term, so ∂J/∂b gains λ/m·b and b decays too. */
export function computeGradientRegularized(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
  lambda: number,
  alpha: number,
): { dj_dw: number[]; dj_db: number; w_next: number[]; b_next: number } {
  const m = X.length;
  const n = w.length;
  const dataGradient = new Array<number>(n).fill(0);
  let dj_db = 0;
  for (let i = 0; i < m; i++) {
    const row = X[i]!;
    let error = b - y[i]!;
    for (let j = 0; j < n; j++) error += w[j]! * row[j]!;
    for (let j = 0; j < n; j++) dataGradient[j] = dataGradient[j]! + error * row[j]!;
    dj_db += error;
  }
  for (let j = 0; j < n; j++) dataGradient[j] = dataGradient[j]! / m;
  dj_db = dj_db / m + (lambda / m) * b;
  const dj_dw = dataGradient.map((g, j) => g + (lambda / m) * w[j]!);
  const decay = 1 - (alpha * lambda) / m;
  const w_next = w.map((wj, j) => decay * wj - alpha * dataGradient[j]!);
  return { dj_dw, dj_db, w_next, b_next: decay * b - alpha * (dj_db - (lambda / m) * b) };
}
