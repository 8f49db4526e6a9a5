/** Keep where u < keep_prob, then divide the kept activations by keep_prob so E[A_dropped] = A. */
export function dropoutForward(A: number[][], U: number[][], keepProb: number): { D: number[][]; A: number[][] } {
  const D = U.map((row) => row.map((u) => (u < keepProb ? 1 : 0)));
  const dropped = A.map((row, i) => row.map((a, j) => (a * D[i]![j]!) / keepProb));
  return { D, A: dropped };
}
