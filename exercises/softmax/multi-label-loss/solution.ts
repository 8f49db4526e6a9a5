/**
 * One sigmoid per label: A[i][k] = σ(z_ik). The loss of an example adds the K binary cross-entropies, each
 * computed from its logit as max(z, 0) − z·y + log(1 + e^{−|z|}) (stable for any z); J averages over examples.
 */
export function multiLabelLoss(Z: number[][], Y: number[][]): { A: number[][]; J: number } {
  const m = Z.length;
  let total = 0;
  const A = Z.map((row, i) =>
    row.map((z, k) => {
      total += Math.max(z, 0) - z * Y[i]![k]! + Math.log1p(Math.exp(-Math.abs(z)));
      return 1 / (1 + Math.exp(-z));
    }),
  );
  return { A, J: total / m };
}
