/**
 * One time step of a GRU (gated recurrent unit), in the notes' notation.
 *
 * Vectors are plain arrays; every weight matrix has n_c rows and n_c + n_x columns and multiplies the
 * concatenation [c<t−1>, x<t>] in that order (the first n_c columns act on c<t−1>, the rest on x<t>).
 *
 * @param x     x<t>, length n_x
 * @param cPrev c<t−1> (= a<t−1>), length n_c
 * @param Wc    n_c × (n_c + n_x), bc length n_c: the candidate c̃<t>
 * @param Wu    n_c × (n_c + n_x), bu length n_c: the update gate Γu
 * @param Wr    n_c × (n_c + n_x), br length n_c: the relevance gate Γr
 * @returns cNext = c<t> (= a<t>), and the gates gammaU = Γu and gammaR = Γr, each of length n_c
 */
export function gruCell(
  x: number[],
  cPrev: number[],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wr: number[][],
  br: number[],
): { cNext: number[]; gammaU: number[]; gammaR: number[] } {
  const nc = cPrev.length;
  const cNext: number[] = new Array<number>(nc).fill(0);
  const gammaU: number[] = new Array<number>(nc).fill(0);
  const gammaR: number[] = new Array<number>(nc).fill(0);
  // Your code here: compute Γu, Γr, the candidate c̃<t>, then c<t>.
  return { cNext, gammaU, gammaR };
}
