/**
 * Degree by degree, every index tuple j₁ ≤ j₂ ≤ … ≤ j_d in lexicographic order (combinations with replacement),
 * each tuple giving the product x_{j₁}·x_{j₂}·…·x_{j_d}. Each degree extends the tuples of the degree before.
 */
export function polynomialFeatures(X: number[][], degree: number): number[][] {
  const n = X[0]!.length;
  const tuples: number[][] = [];
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
