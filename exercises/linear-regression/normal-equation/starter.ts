/**
 * Linear regression in closed form: the normal equation. With the augmented matrix A = [1 | X] (a column of
 * ones first, so θ = [b, w₁, …, wₙ]), the w and b that minimise J(w,b) solve the normal equations
 *   (AᵀA) θ = Aᵀ y.
 * When AᵀA is singular (the columns of A are linearly dependent) there is no unique minimiser: return
 * { w: [], b: 0, singular: true }.
 *
 * @param X m×n feature matrix, row-major: X[i][j] is feature j of example i
 * @param y the m targets
 * @returns { w: n weights, b, singular: false } minimising the squared error, or { w: [], b: 0, singular: true }
 */
export function normalEquation(X: number[][], y: number[]): { w: number[]; b: number; singular: boolean } {
  // Replace these placeholders with your implementation.
  return { w: X[0]!.map(() => 0), b: 0, singular: false };
}
