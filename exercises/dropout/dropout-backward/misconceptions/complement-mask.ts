/** Misconception "complement-mask": reads D as the dropped units and passes the gradient through 1 − D. */
export function dropoutBackward(dA: number[][], D: number[][], keepProb: number): number[][] {
  return dA.map((row, i) => row.map((g, j) => (g * (1 - D[i]![j]!)) / keepProb));
}
