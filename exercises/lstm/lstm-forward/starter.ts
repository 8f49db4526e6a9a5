/**
 * Forward propagation of an LSTM over whole sequences, in the notes' notation, for a batch of m sequences of
 * length T_x, each starting from a<0> = 0 and c<0> = 0. At every step t = 1 … T_x:
 *   c̃<t> = tanh(Wc[a<t−1>, x<t>] + bc),  Γu = σ(Wu[a<t−1>, x<t>] + bu),
 *   Γf = σ(Wf[a<t−1>, x<t>] + bf),       Γo = σ(Wo[a<t−1>, x<t>] + bo),
 *   c<t> = Γu * c̃<t> + Γf * c<t−1>,      a<t> = Γo * tanh(c<t>)
 * where * is the element-wise product (the notes write a<t> = Γo × c<t>, without the tanh: a slip).
 *
 * Layout: batch, then time, then features. x[i][t − 1] is x<t> of sequence i (the second axis is time), and
 * a[i][t − 1] = a<t> of sequence i; a<0> is not returned. cLast[i] = c<T_x> of sequence i. Every weight
 * matrix has n_a rows and n_a + n_x columns and multiplies the concatenation [a<t−1>, x<t>] in that order
 * (the first n_a columns act on a<t−1>, the last n_x on x<t>). All steps share the same weights.
 *
 * @param x  m × T_x × n_x
 * @param Wc n_a × (n_a + n_x), bc length n_a: the candidate c̃<t>
 * @param Wu n_a × (n_a + n_x), bu length n_a: the update gate Γu
 * @param Wf n_a × (n_a + n_x), bf length n_a: the forget gate Γf
 * @param Wo n_a × (n_a + n_x), bo length n_a: the output gate Γo
 * @returns a: m × T_x × n_a (a<1> … a<T_x>), and cLast: m × n_a (the memory cell c<T_x> of every sequence)
 */
export function lstmForward(
  x: number[][][],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wf: number[][],
  bf: number[],
  Wo: number[][],
  bo: number[],
): { a: number[][][]; cLast: number[][] } {
  // Your code here: loop over the time steps of each sequence, carrying both a<t−1> and c<t−1>.
  const a = x.map((sequence) => sequence.map(() => bc.map(() => 0)));
  const cLast = x.map(() => bc.map(() => 0));
  return { a, cLast };
}
