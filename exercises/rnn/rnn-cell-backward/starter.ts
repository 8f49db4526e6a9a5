/**
 * The backward pass of one basic RNN step for a batch of m examples, in the notes' notation. The forward step is
 *   z = W_aa a<t−1> + W_ax x<t> + b_a,   a<t> = tanh(z)
 * and daNext = ∂J/∂a<t> arrives from above (from ŷ<t> and from the later steps). Return ∂J/∂ of every input:
 *   dz = daNext ⊙ (1 − (a<t>)²)          (tanh′(z) = 1 − tanh²(z), element-wise)
 *   dx<t> = W_axᵀ dz,   da<t−1> = W_aaᵀ dz,   dW_ax = Σ_i dz x<t>ᵀ,   dW_aa = Σ_i dz a<t−1>ᵀ,   db_a = Σ_i dz
 * (column vectors per example i, as in the notes; the parameter gradients add up over the batch, no 1/m).
 *
 * Rows are examples: row i of daNext, xt, aPrev, dxt and daPrev belongs to example i. The weights act on column
 * vectors (W_aa is n_a × n_a, W_ax is n_a × n_x), and each gradient has the shape of what it differentiates.
 *
 * @param daNext ∂J/∂a<t>, m × n_a
 * @param xt     x<t>, m × n_x
 * @param aPrev  a<t−1>, m × n_a
 * @param Waa    W_aa, n_a × n_a
 * @param Wax    W_ax, n_a × n_x
 * @param ba     b_a, length n_a
 * @returns dxt (m × n_x), daPrev (m × n_a), dWax (n_a × n_x), dWaa (n_a × n_a), dba (length n_a)
 */
export function rnnCellBackward(
  daNext: number[][],
  xt: number[][],
  aPrev: number[][],
  Waa: number[][],
  Wax: number[][],
  ba: number[],
): { dxt: number[][]; daPrev: number[][]; dWax: number[][]; dWaa: number[][]; dba: number[] } {
  // Your code here: recompute a<t>, then dz, then the five gradients.
  const dxt = xt.map((row) => row.map(() => 0));
  const daPrev = aPrev.map((row) => row.map(() => 0));
  const dWax = Wax.map((row) => row.map(() => 0));
  const dWaa = Waa.map((row) => row.map(() => 0));
  const dba = ba.map(() => 0);
  return { dxt, daPrev, dWax, dWaa, dba };
}
