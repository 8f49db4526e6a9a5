/** Misconception "no-mask": rescales every entry, also the gradient of units that were dropped. */
export function dropoutBackward(dA: number[][], D: number[][], keepProb: number): number[][] {
  return dA.map((row, i) => row.map((g, j) => g / keepProb));
}
