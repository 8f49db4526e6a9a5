/**
 * The sinusoidal positional encoding of the Transformer (Vaswani et al.; d2l), added to token embeddings:
 *
 *   P[pos][2i]     = sin(pos / 10000^(2i/d))
 *   P[pos][2i + 1] = cos(pos / 10000^(2i/d))
 *   output         = X + P
 *
 * for positions pos = 0 … n − 1 (the first token, row 0 of X, is position 0) and columns 0 … d − 1. Columns
 * 2i and 2i + 1 share one frequency. For odd d the last column (index d − 1, even) is a sine and has no cosine
 * partner.
 *
 * @param X the embeddings, n × d: row pos is the token at position pos
 * @returns P (n × d, the encoding alone) and output (n × d, X + P)
 */
export function positionalEncoding(X: number[][]): { P: number[][]; output: number[][] } {
  // Your code here: P row by row (sine in the even columns, cosine in the odd ones), then X + P.
  const P = X.map((row) => row.map(() => 0));
  return { P, output: X.map((row) => [...row]) };
}
