/** Model solution for `scaled-dot-product-attention` (plain TypeScript, float64). */
export function scaledDotProductAttention(
  Q: number[][],
  K: number[][],
  V: number[][],
  keyMask: number[],
  causal: boolean,
): { weights: number[][]; output: number[][] } {
  const dk = K[0]!.length;
  const scale = Math.sqrt(dk);
  const weights = Q.map((q, i) => {
    // Masked scores become −∞ BEFORE the softmax, so exp gives exactly 0 and the rest renormalise.
    const scores = K.map((k, j) => {
      const allowed = keyMask[j] === 1 && (!causal || j <= i);
      // mutant-equivalent(0 → 1): adds 1/√d_k to every kept score of the row, and a softmax ignores a common shift
      return allowed ? q.reduce((sum, v, c) => sum + v * k[c]!, 0) / scale : -Infinity;
    });
    const largest = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - largest));
    const total = exps.reduce((sum, v) => sum + v, 0);
    return exps.map((v) => v / total);
  });
  const dv = V[0]!.length;
  const output = weights.map((row) => Array.from({ length: dv }, (_, c) => row.reduce((sum, w, j) => sum + w * V[j]![c]!, 0)));
  return { weights, output };
}
