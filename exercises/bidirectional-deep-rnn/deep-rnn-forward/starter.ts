/**
 * Forward propagation through a deep RNN: L basic RNN layers stacked on top of each other, in the notes'
 * notation, for a batch of m sequences of length T_x:
 *   a[0]<t> = x<t>,   a[l]<0> = 0,
 *   a[l]<t> = tanh(W_a[l] [a[l]<t−1>; a[l−1]<t>] + b_a[l]),   l = 1 … L,  t = 1 … T_x
 * Each layer reads its OWN previous activation a[l]<t−1> and the activation of the layer BELOW at the SAME
 * step, a[l−1]<t>; only layer 1 sees x. Every layer starts from its own a[l]<0> = 0.
 *
 * Layout: x[i][t − 1] is x<t> of sequence i (batch, then time, then features). Wa[l − 1] is W_a[l] with
 * n_a[l] rows and n_a[l] + n_a[l−1] columns (n_a[0] = n_x): its first n_a[l] columns act on a[l]<t−1>, the
 * last n_a[l−1] on a[l−1]<t>. ba[l − 1] is b_a[l]. The result is layer first: a[l − 1][i][t − 1] = a[l]<t>
 * of sequence i. The weights act on column vectors as in the notes.
 *
 * @param x  m × T_x × n_x
 * @param Wa L matrices; Wa[l − 1] is n_a[l] × (n_a[l] + n_a[l−1])
 * @param ba L vectors; ba[l − 1] has length n_a[l]
 * @returns a: L × m × T_x × n_a[l], every layer's activations a[l]<1> … a[l]<T_x>
 */
export function deepRnnForward(x: number[][][], Wa: number[][][], ba: number[][]): { a: number[][][][] } {
  // Your code here: run layer 1 over x, then each further layer over the outputs of the layer below.
  const a = ba.map((b) => x.map((sequence) => sequence.map(() => b.map(() => 0))));
  return { a };
}
