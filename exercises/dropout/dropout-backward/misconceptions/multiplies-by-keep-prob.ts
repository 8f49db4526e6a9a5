/** Misconception "multiplies-by-keep-prob": multiplies the masked gradient by keep_prob instead of dividing. */
export function dropoutBackward(dA: number[][], D: number[][], keepProb: number): number[][] {
  return dA.map((row, i) => row.map((g, j) => g * D[i]![j]! * keepProb));
}
