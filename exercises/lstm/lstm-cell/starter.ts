/**
 * One time step of an LSTM cell, in the notes' notation.
 *
 * Vectors are plain arrays; every weight matrix has n_a rows and n_a + n_x columns and multiplies the
 * concatenation [a<t−1>, x<t>] in that order (the first n_a columns act on a<t−1>, the rest on x<t>).
 *
 * @param x     x<t>, length n_x
 * @param aPrev a<t−1>, length n_a
 * @param cPrev c<t−1>, length n_a
 * @param Wc    n_a × (n_a + n_x), bc length n_a: the candidate c̃<t>
 * @param Wu    n_a × (n_a + n_x), bu length n_a: the update gate Γu
 * @param Wf    n_a × (n_a + n_x), bf length n_a: the forget gate Γf
 * @param Wo    n_a × (n_a + n_x), bo length n_a: the output gate Γo
 * @returns aNext = a<t> and cNext = c<t>, each of length n_a
 */
export function lstmCell(
  x: number[],
  aPrev: number[],
  cPrev: number[],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wf: number[][],
  bf: number[],
  Wo: number[][],
  bo: number[],
): { aNext: number[]; cNext: number[] } {
  const na = aPrev.length;
  const aNext: number[] = new Array<number>(na).fill(0);
  const cNext: number[] = new Array<number>(na).fill(0);
  // Your code here: the candidate c̃<t>, the gates Γu, Γf, Γo, then c<t> and a<t>.
  return { aNext, cNext };
}
