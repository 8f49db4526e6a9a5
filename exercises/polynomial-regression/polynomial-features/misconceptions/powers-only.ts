/** Misconception "powers-only": only the powers x_j^d of each feature, no cross products x_j·x_k. */
export function polynomialFeatures(X: number[][], degree: number): number[][] {
  return X.map((row) => {
    const out: number[] = [];
    for (let d = 1; d <= degree; d++) for (const x of row) out.push(x ** d);
    return out;
  });
}
