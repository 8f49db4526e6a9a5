/**
 * Polynomial features of total degree 1 … degree, without a constant column (b stays separate):
 *   degree 1 terms x₁, …, xₙ; then degree 2 terms x₁², x₁x₂, …, x₁xₙ, x₂², x₂x₃, …, xₙ²; then degree 3; …
 * Within one degree the index tuples j₁ ≤ j₂ ≤ … ≤ j_d come in lexicographic order (scikit-learn's
 * PolynomialFeatures(include_bias=False) order). There are C(n + degree, degree) − 1 columns.
 *
 * @param X m×n feature matrix, row-major: X[i][j] is feature j of example i
 * @param degree the highest total degree, an integer ≥ 1
 * @returns the m×K matrix of monomials, one row per example, columns in the order above
 */
export function polynomialFeatures(X: number[][], degree: number): number[][] {
  // Replace this placeholder with your implementation.
  return X.map((row) => row.map((x) => x));
}
