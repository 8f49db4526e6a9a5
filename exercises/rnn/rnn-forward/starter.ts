/**
 * Forward propagation of a basic RNN over whole sequences, for a batch of m sequences of length T_x, in the
 * notes' notation, starting from a<0> = 0:
 *   a<t> = tanh(W_aa a<t−1> + W_ax x<t> + b_a),   ŷ<t> = softmax(W_ya a<t> + b_y),   t = 1 … T_x.
 *
 * Layout: batch, then time, then features. x[i][t − 1] is x<t> of sequence i (the second axis is time), and
 * the results follow the same layout: a[i][t − 1] = a<t>, yHat[i][t − 1] = ŷ<t> of sequence i. Every
 * sequence starts from its own a<0> = 0, and all steps share the same weights. The weights act on column
 * vectors as in the notes; the softmax runs over the n_y outputs of each step.
 *
 * @param x   m × T_x × n_x
 * @param Waa W_aa, n_a × n_a
 * @param Wax W_ax, n_a × n_x
 * @param Wya W_ya, n_y × n_a
 * @param ba  b_a, length n_a
 * @param by  b_y, length n_y
 * @returns a (m × T_x × n_a, a<1> … a<T_x>) and yHat (m × T_x × n_y)
 */
export function rnnForward(
  x: number[][][],
  Waa: number[][],
  Wax: number[][],
  Wya: number[][],
  ba: number[],
  by: number[],
): { a: number[][][]; yHat: number[][][] } {
  // Your code here: loop over the time steps, carrying a<t−1> of each sequence.
  const a = x.map((sequence) => sequence.map(() => ba.map(() => 0)));
  const yHat = x.map((sequence) => sequence.map(() => by.map(() => 0)));
  return { a, yHat };
}
