/** z = w·x + b per example, f = g(z) through the overflow-free sigmoid, and ŷ = 1 exactly when f ≥ threshold. */
export function predictLogistic(
  X: number[][],
  w: number[],
  b: number,
  threshold: number,
): { probabilities: number[]; predictions: number[] } {
  const probabilities = X.map((row) => {
    let z = b;
    for (let j = 0; j < w.length; j++) z += w[j]! * row[j]!;
    const e = Math.exp(-Math.abs(z));
    return z >= 0 ? 1 / (1 + e) : e / (1 + e); // mutant-equivalent(>= → >): at z = 0 both branches give 0.5
  });
  return { probabilities, predictions: probabilities.map((f) => (f >= threshold ? 1 : 0)) };
}
