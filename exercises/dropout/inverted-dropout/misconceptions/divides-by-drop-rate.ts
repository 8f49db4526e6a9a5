/** Misconception "divides-by-drop-rate": divides by the drop probability 1 − keep_prob instead of keep_prob. */
export function dropoutForward(A: number[][], U: number[][], keepProb: number): { D: number[][]; A: number[][] } {
  const D = U.map((row) => row.map((u) => (u < keepProb ? 1 : 0)));
  const dropped = A.map((row, i) => row.map((a, j) => (a * D[i]![j]!) / (1 - keepProb)));
  return { D, A: dropped };
}
