/** Misconception "top-degree-only": the monomials of degree exactly `degree`, dropping x₁ … xₙ and the lower degrees. */
export function polynomialFeatures(X: number[][], degree: number): number[][] {
  const n = X[0]!.length;
  let tuples: number[][] = [[]];
  for (let d = 1; d <= degree; d++) {
    const next: number[][] = [];
    for (const tuple of tuples) {
      const start = tuple.length ? tuple[tuple.length - 1]! : 0;
      for (let j = start; j < n; j++) next.push([...tuple, j]);
    }
    tuples = next;
  }
  return X.map((row) => tuples.map((tuple) => tuple.reduce((product, j) => product * row[j]!, 1)));
}
