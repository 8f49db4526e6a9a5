/** Misconception "products-with-repeats": every ordered index tuple (j₁, …, j_d), so x₁x₂ and x₂x₁ both appear. */
export function polynomialFeatures(X: number[][], degree: number): number[][] {
  const n = X[0]!.length;
  const tuples: number[][] = [];
  let previous: number[][] = [[]];
  for (let d = 1; d <= degree; d++) {
    const next: number[][] = [];
    for (const tuple of previous) for (let j = 0; j < n; j++) next.push([...tuple, j]);
    tuples.push(...next);
    previous = next;
  }
  return X.map((row) => tuples.map((tuple) => tuple.reduce((product, j) => product * row[j]!, 1)));
}
