/** Misconception "no-rescale": masks the gradient but forgets the 1/keep_prob of the forward pass. */
export function dropoutBackward(dA: number[][], D: number[][], keepProb: number): number[][] {
  return dA.map((row, i) => row.map((g, j) => g * D[i]![j]!));
}
