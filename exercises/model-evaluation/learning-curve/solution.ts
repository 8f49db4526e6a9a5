/**
 * For each size k: fit w, b on the first k training examples in closed form (the regularised normal equations,
 * b not regularised), then measure both errors without the penalty: J_train on those k examples, J_cv on the
 * whole cross-validation set.
 */
export function learningCurve(
  X_train: number[][],
  y_train: number[],
  X_cv: number[][],
  y_cv: number[],
  lambda: number,
  sizes: number[],
): { J_train: number[]; J_cv: number[] } {
  const n = X_train[0]!.length;
  // Solves M·θ = r by Gaussian elimination. M = AᵀA + λD is symmetric positive definite (the fit is unique), so
  // elimination without pivoting is stable: every pivot is positive.
  const solve = (M: number[][], r: number[]): number[] => {
    const size = r.length;
    const a = M.map((row, i) => [...row, r[i]!]);
    // mutant-equivalent: the last column has no rows below it, and one step more only appends an unused row
    for (let col = 0; col < size; col++) {
      for (let row = col + 1; row < size; row++) {
        const factor = a[row]![col]! / a[col]![col]!;
        // mutant-equivalent(size → size + 1): one column past the right-hand side is never read
        for (let c = col; c <= size; c++) a[row]![c] = a[row]![c]! - factor * a[col]![c]!;
      }
    }
    // mutant-equivalent(0 → 1): every θ_c is written before the back substitution reads it
    const theta = new Array<number>(size).fill(0);
    for (let row = size - 1; row >= 0; row--) {
      let s = a[row]![size]!;
      // mutant-equivalent(1 → 0): starting at c = row subtracts a[row][row]·θ_row while θ_row is still 0
      for (let c = row + 1; c < size; c++) s -= a[row]![c]! * theta[c]!;
      theta[row] = s / a[row]![row]!;
    }
    return theta;
  };
  const cost = (X: number[][], y: number[], w: number[], b: number): number => {
    let sum = 0;
    for (let i = 0; i < X.length; i++) {
      let f = b;
      for (let j = 0; j < n; j++) f += w[j]! * X[i]![j]!;
      sum += (f - y[i]!) ** 2;
    }
    return sum / (2 * X.length);
  };
  const J_train: number[] = [];
  const J_cv: number[] = [];
  for (const k of sizes) {
    const X = X_train.slice(0, k);
    const y = y_train.slice(0, k);
    // Normal equations for θ = [w; b] with the design [X | 1]: the penalty λ·I touches the w block only.
    const M = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
    const r = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < k; i++) {
      const row = [...X[i]!, 1];
      for (let p = 0; p <= n; p++) {
        r[p] = r[p]! + row[p]! * y[i]!;
        for (let q = 0; q <= n; q++) M[p]![q] = M[p]![q]! + row[p]! * row[q]!;
      }
    }
    for (let j = 0; j < n; j++) M[j]![j] = M[j]![j]! + lambda;
    const theta = solve(M, r);
    const w = theta.slice(0, n);
    const b = theta[n]!;
    J_train.push(cost(X, y, w, b));
    J_cv.push(cost(X_cv, y_cv, w, b));
  }
  return { J_train, J_cv };
}
