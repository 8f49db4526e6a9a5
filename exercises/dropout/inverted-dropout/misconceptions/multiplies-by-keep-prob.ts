/** Misconception "multiplies-by-keep-prob": multiplies the kept activations by keep_prob instead of dividing (test-time scaling of the original dropout). */
export function dropoutForward(A: number[][], U: number[][], keepProb: number): { D: number[][]; A: number[][] } {
  const D = U.map((row) => row.map((u) => (u < keepProb ? 1 : 0)));
  const dropped = A.map((row, i) => row.map((a, j) => a * D[i]![j]! * keepProb));
  return { D, A: dropped };
}
