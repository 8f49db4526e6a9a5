/** Model solution for `attention-weights` (plain TypeScript, float64). */
function energy(sPrev: number[], at: number[], W1: number[][], b1: number[], w2: number[], b2: number): number {
  const concat = [...sPrev, ...at];
  const hidden = W1.map((row, k) => Math.tanh(row.reduce((sum, w, j) => sum + w * concat[j]!, b1[k]!)));
  return Math.max(0, hidden.reduce((sum, h, k) => sum + w2[k]! * h, b2));
}

export function attentionWeights(
  sPrev: number[],
  a: number[][],
  W1: number[][],
  b1: number[],
  w2: number[],
  b2: number,
): { alphas: number[]; context: number[] } {
  const energies = a.map((at) => energy(sPrev, at, W1, b1, w2, b2));
  // Shifting by the largest energy keeps exp() finite without changing the softmax.
  const largest = Math.max(...energies);
  const exps = energies.map((e) => Math.exp(e - largest));
  const total = exps.reduce((sum, v) => sum + v, 0);
  const alphas = exps.map((v) => v / total);
  // mutant-equivalent(0 → 1): a has at least one row (the reference requires it), so the ?? never applies
  const na = a[0]?.length ?? 0;
  const context = Array.from({ length: na }, (_, j) => a.reduce((sum, at, t) => sum + alphas[t]! * at[j]!, 0));
  return { alphas, context };
}
