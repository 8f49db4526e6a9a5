/**
 * One time step of a basic RNN cell for a batch of m examples, in the notes' notation:
 *   a<t> = tanh(W_aa a<t−1> + W_ax x<t> + b_a),   ŷ<t> = softmax(W_ya a<t> + b_y).
 *
 * Rows are examples: row i of `xt`, `aPrev` and of both results belongs to example i. The weights act on
 * column vectors as in the notes (W_aa is n_a × n_a, W_ax is n_a × n_x, W_ya is n_y × n_a), so for example i
 * a<t>_i = tanh(W_aa · aPrev[i] + W_ax · xt[i] + b_a). The softmax runs over the n_y outputs of each example.
 *
 * @param xt    x<t>, m × n_x
 * @param aPrev a<t−1>, m × n_a
 * @param Waa   W_aa, n_a × n_a
 * @param Wax   W_ax, n_a × n_x
 * @param Wya   W_ya, n_y × n_a
 * @param ba    b_a, length n_a
 * @param by    b_y, length n_y
 * @returns aNext = a<t> (m × n_a) and yHat = ŷ<t> (m × n_y, each row sums to 1)
 */
export function rnnCellForward(
  xt: number[][],
  aPrev: number[][],
  Waa: number[][],
  Wax: number[][],
  Wya: number[][],
  ba: number[],
  by: number[],
): { aNext: number[][]; yHat: number[][] } {
  // Your code here: a<t> first, then ŷ<t> from a<t>.
  const aNext = aPrev.map((row) => row.map(() => 0));
  const yHat = xt.map(() => by.map(() => 0));
  return { aNext, yHat };
}
