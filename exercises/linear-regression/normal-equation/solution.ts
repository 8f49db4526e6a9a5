/**
 * The normal equations (AᵀA)θ = Aᵀy with A = [1 | X] and θ = [b, w₁, …, wₙ], solved by Gaussian elimination.
 * AᵀA is symmetric positive semi-definite, so no pivoting is needed, and a pivot that falls to (about) zero
 * means AᵀA is singular: no unique fit.
 */
export function normalEquation(X: number[][], y: number[]): { w: number[]; b: number; singular: boolean } {
  const A = X.map((row) => [1, ...row]);
  const p = A[0]!.length;
  // The augmented system [AᵀA | Aᵀy]: row r holds Σ_i A_ir·A_ic for every column c, then Σ_i A_ir·y_i.
  const M = A[0]!.map((_, r) => [
    ...A[0]!.map((_, c) => A.reduce((sum, row) => sum + row[r]! * row[c]!, 0)),
    A.reduce((sum, row, i) => sum + row[r]! * y[i]!, 0),
  ]);
  // mutant-equivalent: any threshold from about 1e-14 to 1e-4 of the diagonal separates the cases, which are either exactly singular or well conditioned (cases.ts)
  const tiny = 1e-9 * Math.max(...M.map((row, k) => row[k]!));
  for (let k = 0; k < p; k++) {
    const pivot = M[k]![k]!;
    // mutant-equivalent(<= → <): a pivot never equals the threshold exactly
    if (pivot <= tiny) return { w: [], b: 0, singular: true };
    for (let r = k + 1; r < p; r++) {
      const factor = M[r]![k]! / pivot;
      // mutant-equivalent(p → p + 1): the extra slot past the augmented column is never read
      for (let c = k; c <= p; c++) M[r]![c] = M[r]![c]! - factor * M[k]![c]!;
    }
  }
  // mutant-equivalent(0 → 1): back substitution writes every θ_r before reading it
  const theta = new Array<number>(p).fill(0);
  for (let r = p - 1; r >= 0; r--) {
    let sum = M[r]![p]!;
    // mutant-equivalent(1 → 0): starting at c = r reads θ_r while it still holds its initial 0
    for (let c = r + 1; c < p; c++) sum -= M[r]![c]! * theta[c]!;
    theta[r] = sum / M[r]![r]!;
  }
  return { w: theta.slice(1), b: theta[0]!, singular: false };
}
