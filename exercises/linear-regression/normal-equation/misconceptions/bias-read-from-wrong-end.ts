/** Misconception "bias-read-from-wrong-end": appends the column of ones last, A = [X | 1], but still reads b from θ₀ and w from θ₁…θₙ. */
export function normalEquation(X: number[][], y: number[]): { w: number[]; b: number; singular: boolean } {
  const m = X.length;
  const p = X[0]!.length + 1;
  const A = X.map((row) => [...row, 1]);
  // The augmented system [AᵀA | Aᵀy], p rows of p + 1 numbers.
  const M: number[][] = [];
  for (let r = 0; r < p; r++) {
    const line = new Array<number>(p + 1).fill(0);
    for (let i = 0; i < m; i++) {
      for (let c = 0; c < p; c++) line[c] = line[c]! + A[i]![r]! * A[i]![c]!;
      line[p] = line[p]! + A[i]![r]! * y[i]!;
    }
    M.push(line);
  }
  let scale = 0;
  for (let r = 0; r < p; r++) scale = Math.max(scale, Math.abs(M[r]![r]!));
  for (let col = 0; col < p; col++) {
    let best = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(M[r]![col]!) > Math.abs(M[best]![col]!)) best = r;
    if (Math.abs(M[best]![col]!) <= 1e-9 * scale) return { w: [], b: 0, singular: true };
    [M[col], M[best]] = [M[best]!, M[col]!];
    const pivotRow = M[col]!;
    for (let r = col + 1; r < p; r++) {
      const row = M[r]!;
      const factor = row[col]! / pivotRow[col]!;
      for (let c = col; c <= p; c++) row[c] = row[c]! - factor * pivotRow[c]!;
    }
  }
  const theta = new Array<number>(p).fill(0);
  for (let r = p - 1; r >= 0; r--) {
    const row = M[r]!;
    let sum = row[p]!;
    for (let c = r + 1; c < p; c++) sum -= row[c]! * theta[c]!;
    theta[r] = sum / row[r]!;
  }
  return { w: theta.slice(1), b: theta[0]!, singular: false };
}
