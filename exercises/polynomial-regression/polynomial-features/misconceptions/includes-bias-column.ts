/** Misconception "includes-bias-column": puts the degree-0 term 1 first, as scikit-learn's PolynomialFeatures does by default. */
export function polynomialFeatures(X: number[][], degree: number): number[][] {
  const n = X[0]!.length;
  const tuples: number[][] = [[]];
  let previous: number[][] = [[]];
  for (let d = 1; d <= degree; d++) {
    const next: number[][] = [];
    for (const tuple of previous) {
      const start = tuple.length ? tuple[tuple.length - 1]! : 0;
      for (let j = start; j < n; j++) next.push([...tuple, j]);
    }
    tuples.push(...next);
    previous = next;
  }
  return X.map((row) => tuples.map((tuple) => tuple.reduce((product, j) => product * row[j]!, 1)));
}
