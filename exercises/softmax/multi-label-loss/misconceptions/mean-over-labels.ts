/** Misconception "mean-over-labels": averages the K binary cross-entropies of an example instead of adding them. */
export function multiLabelLoss(Z: number[][], Y: number[][]): { A: number[][]; J: number } {
  const m = Z.length;
  let total = 0;
  const A = Z.map((row, i) =>
    row.map((z, k) => {
      total += (Math.max(z, 0) - z * Y[i]![k]! + Math.log1p(Math.exp(-Math.abs(z)))) / row.length;
      return 1 / (1 + Math.exp(-z));
    }),
  );
  return { A, J: total / m };
}
