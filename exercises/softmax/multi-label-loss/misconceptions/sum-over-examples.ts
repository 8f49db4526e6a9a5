/** Misconception "sum-over-examples": adds the examples' losses without dividing by m. */
export function multiLabelLoss(Z: number[][], Y: number[][]): { A: number[][]; J: number } {
  let total = 0;
  const A = Z.map((row, i) =>
    row.map((z, k) => {
      total += Math.max(z, 0) - z * Y[i]![k]! + Math.log1p(Math.exp(-Math.abs(z)));
      return 1 / (1 + Math.exp(-z));
    }),
  );
  return { A, J: total };
}
