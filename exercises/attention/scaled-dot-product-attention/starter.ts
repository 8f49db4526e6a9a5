/**
 * Scaled dot-product attention with a padding mask and an optional causal mask:
 *
 *   weights = softmax(Q Kᵀ / √d_k + M),   output = weights · V
 *
 * where M[i][j] = −∞ (so the weight is exactly 0) when key j is padding (keyMask[j] = 0) or, with `causal`,
 * when j > i (a key after the query), and 0 otherwise. The softmax runs over the keys of each query: every
 * row of `weights` sums to 1. Mask BEFORE the softmax. Matrices are arrays of rows.
 *
 * @param Q       n_q × d_k, row i is query i
 * @param K       n_k × d_k, row j is key j
 * @param V       n_k × d_v, row j is the value of key j
 * @param keyMask length n_k, 1 for a real key, 0 for padding (the first key is always real)
 * @param causal  true: query i sees keys 0 … i only (then n_q = n_k)
 * @returns weights (n_q × n_k) and output (n_q × d_v)
 */
export function scaledDotProductAttention(
  Q: number[][],
  K: number[][],
  V: number[][],
  keyMask: number[],
  causal: boolean,
): { weights: number[][]; output: number[][] } {
  // Your code here: scores, mask, a stable softmax over each row, then the weighted sum of the values.
  const weights = Q.map(() => K.map(() => 0));
  const output = Q.map(() => V[0]!.map(() => 0));
  return { weights, output };
}
