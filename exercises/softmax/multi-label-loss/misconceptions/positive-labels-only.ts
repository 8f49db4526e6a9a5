/** Misconception "positive-labels-only": keeps only the −y·log σ(z) terms, so absent labels cost nothing. */
export function multiLabelLoss(Z: number[][], Y: number[][]): { A: number[][]; J: number } {
  const m = Z.length;
  let total = 0;
  const A = Z.map((row, i) =>
    row.map((z, k) => {
      // −log σ(z) = log(1 + e^{−z}), written stably.
      total += Y[i]![k]! * (Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
      return 1 / (1 + Math.exp(-z));
    }),
  );
  return { A, J: total / m };
}
