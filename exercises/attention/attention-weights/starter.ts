/**
 * The attention weights α<t,t'> and the context for one output step t, as in Ng's attention model.
 *
 * For each input step t' a small network scores the concatenation [s<t−1>, a<t'>] (s<t−1> first):
 *   e<t,t'> = ReLU(w2 · tanh(W1 [s<t−1>, a<t'>] + b1) + b2)
 * then α<t,·> = softmax over t' of e<t,·>, and context<t> = Σ_t' α<t,t'> a<t'>.
 *
 * @param sPrev s<t−1>, the decoder's previous state, length n_s
 * @param a     Tx × n_a, row t' is a<t'>
 * @param W1    n_e × (n_s + n_a), b1 length n_e: the tanh layer
 * @param w2    length n_e, b2 a number: the single ReLU unit
 * @returns alphas (length Tx, summing to 1) and context (length n_a)
 */
export function attentionWeights(
  sPrev: number[],
  a: number[][],
  W1: number[][],
  b1: number[],
  w2: number[],
  b2: number,
): { alphas: number[]; context: number[] } {
  const tx = a.length;
  const na = a[0]?.length ?? 0;
  const alphas: number[] = new Array<number>(tx).fill(0);
  const context: number[] = new Array<number>(na).fill(0);
  // Your code here: an energy for every t', a stable softmax over t', then the weighted sum of the a<t'>.
  return { alphas, context };
}
