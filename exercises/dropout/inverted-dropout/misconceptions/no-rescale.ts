/** Misconception "no-rescale": drops units but never divides by keep_prob (plain dropout: the layer's expected output shrinks). */
export function dropoutForward(A: number[][], U: number[][], keepProb: number): { D: number[][]; A: number[][] } {
  const D = U.map((row) => row.map((u) => (u < keepProb ? 1 : 0)));
  const dropped = A.map((row, i) => row.map((a, j) => a * D[i]![j]!));
  return { D, A: dropped };
}
