/** Misconception "gini-impurity": computes the Gini impurity 1 − Σ p_k² instead of the entropy. */
export function entropy(p: number[]): number {
  let sumOfSquares = 0;
  for (const pk of p) sumOfSquares += pk * pk;
  return 1 - sumOfSquares;
}
