/**
 * Multi-head self-attention over the n tokens of X (rows are tokens), as in d2l (no biases):
 *
 *   Q = X W_Q,  K = X W_K,  V = X W_V                                   (each n × d_model)
 *   head i (i = 1 … h) uses columns (i−1)·d_k … i·d_k − 1 of Q, K and V,  d_k = d_model / h:
 *     A_i    = softmax(Q_i K_iᵀ / √d_k)   (softmax over each row: the keys of one query)
 *     head_i = A_i V_i                    (n × d_k)
 *   output = [head_1, head_2, …, head_h] W_O   (heads side by side, head 1's columns first; n × d_model)
 *
 * @param X  n × d_model, row j is token j
 * @param WQ d_model × d_model (likewise WK, WV): X WQ gives Q
 * @param WO d_model × d_model: the output projection, applied to the concatenated heads
 * @param h  the number of heads; d_model is a multiple of h
 * @returns weights (h × n × n, weights[i] is A_{i+1}) and output (n × d_model)
 */
export function multiHeadSelfAttention(
  X: number[][],
  WQ: number[][],
  WK: number[][],
  WV: number[][],
  WO: number[][],
  h: number,
): { weights: number[][][]; output: number[][] } {
  const n = X.length;
  const dModel = WQ.length;
  // Your code here: project, split the columns into h heads, attend per head, concatenate, project with WO.
  const weights = Array.from({ length: h }, () => X.map(() => Array.from({ length: n }, () => 0)));
  const output = X.map(() => Array.from({ length: dModel }, () => 0));
  return { weights, output };
}
