/**
 * Forward propagation of the full GRU (with the relevance gate Γr) over whole sequences, in the notes'
 * notation, for a batch of m sequences of length T_x, each starting from c<0> = 0. At every step t = 1 … T_x:
 *   Γu = σ(Wu[c<t−1>, x<t>] + bu),   Γr = σ(Wr[c<t−1>, x<t>] + br),
 *   c̃<t> = tanh(Wc[Γr * c<t−1>, x<t>] + bc),   c<t> = Γu * c̃<t> + (1 − Γu) * c<t−1>   (a<t> = c<t>)
 * where * is the element-wise product. Γu is the share of the NEW value (Keras's z is the share kept: Γu = 1 − z).
 *
 * Layout: batch, then time, then features. x[i][t − 1] is x<t> of sequence i (the second axis is time), and
 * c[i][t − 1] = c<t> of sequence i; c<0> is not returned. Every weight matrix has n_c rows and n_c + n_x
 * columns and multiplies the concatenation [c<t−1>, x<t>] in that order (the first n_c columns act on
 * c<t−1>, or on Γr * c<t−1> for Wc; the last n_x columns on x<t>). All steps share the same weights.
 *
 * @param x  m × T_x × n_x
 * @param Wc n_c × (n_c + n_x), bc length n_c: the candidate c̃<t>
 * @param Wu n_c × (n_c + n_x), bu length n_c: the update gate Γu
 * @param Wr n_c × (n_c + n_x), br length n_c: the relevance gate Γr
 * @returns c: m × T_x × n_c, the memory cells c<1> … c<T_x> of every sequence
 */
export function gruForward(
  x: number[][][],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wr: number[][],
  br: number[],
): { c: number[][][] } {
  // Your code here: loop over the time steps of each sequence, carrying c<t−1>.
  const c = x.map((sequence) => sequence.map(() => bc.map(() => 0)));
  return { c };
}
