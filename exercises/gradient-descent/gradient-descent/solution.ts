function predict(row: number[], w: number[], b: number): number {
  let prediction = b;
  for (let j = 0; j < w.length; j++) prediction += w[j]! * row[j]!;
  return prediction;
}

function cost(X: number[][], y: number[], w: number[], b: number): number {
  let sumOfSquares = 0;
  for (let i = 0; i < X.length; i++) {
    const error = predict(X[i]!, w, b) - y[i]!;
    sumOfSquares += error * error;
  }
  return sumOfSquares / (2 * X.length);
}

function gradient(X: number[][], y: number[], w: number[], b: number): { dj_dw: number[]; dj_db: number } {
  const m = X.length;
  const dj_dw: number[] = new Array<number>(w.length).fill(0);
  let dj_db = 0;
  for (let i = 0; i < m; i++) {
    const row = X[i]!;
    const error = predict(row, w, b) - y[i]!;
    // mutant-equivalent(< → <=): one step past the end writes a slot dj_dw[n] that gradientDescent never reads
    for (let j = 0; j < w.length; j++) dj_dw[j] = dj_dw[j]! + error * row[j]!; // mutant-equivalent(w.length → w.length + 1): the extra pass only writes dj_dw[n], never read
    dj_db += error;
  }
  return { dj_dw: dj_dw.map((g) => g / m), dj_db: dj_db / m };
}

/** Both derivatives come from the same (w, b) before either changes: the simultaneous update. */
export function gradientDescent(
  X: number[][],
  y: number[],
  w_in: number[],
  b_in: number,
  alpha: number,
  iterations: number,
): { w: number[]; b: number; costHistory: number[] } {
  let w = [...w_in];
  let b = b_in;
  const costHistory: number[] = [];
  for (let k = 0; k < iterations; k++) {
    const { dj_dw, dj_db } = gradient(X, y, w, b);
    w = w.map((wj, j) => wj - alpha * dj_dw[j]!);
    b = b - alpha * dj_db;
    costHistory.push(cost(X, y, w, b));
  }
  return { w, b, costHistory };
}
