/**
 * The decoder of Ng's attention model for Ty output steps, starting from s<0>. Step t (t = 1 … Ty):
 *
 *   e<t,t'> = ReLU(w2 · tanh(W1 [s<t−1>, a<t'>] + b1) + b2)     for every input step t' (s<t−1> first)
 *   α<t,·>  = softmax over the Tx input steps t' of e<t,·>        (shift by the largest energy first)
 *   c<t>    = Σ_t' α<t,t'> a<t'>                                   (length n_a)
 *   s<t>    = tanh(W_ss s<t−1> + W_sc c<t> + b_s)                  (a basic RNN cell fed the context)
 *
 * The energies of step t use s<t−1>, the state from BEFORE the step; s<t> comes last and is used by step t + 1.
 * Matrices are arrays of rows and act on column vectors.
 *
 * @param a   Tx × n_a, row t' is a<t'> (the encoder's activations)
 * @param s0  s<0>, the decoder's initial state, length n_s
 * @param Ty  the number of output steps, ≥ 1
 * @param W1  n_e × (n_s + n_a), b1 length n_e: Dense(n_e, tanh)
 * @param w2  length n_e, b2 a number: Dense(1, relu)
 * @param Wss n_s × n_s, Wsc n_s × n_a, bs length n_s: the decoder's RNN cell
 * @returns alphas (Ty × Tx, row t−1 is α<t,·>), contexts (Ty × n_a, row t−1 is c<t>), states (Ty × n_s, row t−1 is s<t>)
 */
export function attentionDecoder(
  a: number[][],
  s0: number[],
  Ty: number,
  W1: number[][],
  b1: number[],
  w2: number[],
  b2: number,
  Wss: number[][],
  Wsc: number[][],
  bs: number[],
): { alphas: number[][]; contexts: number[][]; states: number[][] } {
  const alphas: number[][] = [];
  const contexts: number[][] = [];
  const states: number[][] = [];
  for (let t = 0; t < Ty; t++) {
    // Your code here: energies from s<t−1>, α, c<t>, then s<t>.
    alphas.push(a.map(() => 0));
    contexts.push(a[0]!.map(() => 0));
    states.push(s0.map(() => 0));
  }
  return { alphas, contexts, states };
}
