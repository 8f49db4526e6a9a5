/** Misconception `softmax-over-singleton-axis`: the softmax taken over an axis of length 1 (each energy alone), so every α<t,t'> = 1. */
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
  // Each energy normalised over its own (length-1) axis.
  const alphas = energies.map((e) => Math.exp(e - e) / Math.exp(e - e));
  const na = a[0]?.length ?? 0;
  const context = Array.from({ length: na }, (_, j) => a.reduce((sum, at, t) => sum + alphas[t]! * at[j]!, 0));
  return { alphas, context };
}
