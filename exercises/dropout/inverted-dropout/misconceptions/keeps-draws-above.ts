/** Misconception "keeps-draws-above": keeps a unit when u > keep_prob, so it keeps a 1 − keep_prob share and drops the units it should keep. */
export function dropoutForward(A: number[][], U: number[][], keepProb: number): { D: number[][]; A: number[][] } {
  const D = U.map((row) => row.map((u) => (u > keepProb ? 1 : 0)));
  const dropped = A.map((row, i) => row.map((a, j) => (a * D[i]![j]!) / keepProb));
  return { D, A: dropped };
}
