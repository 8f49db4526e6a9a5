/** Dropout is linear in A with coefficient D / keep_prob, so its backward pass multiplies by the same factor. */
export function dropoutBackward(dA: number[][], D: number[][], keepProb: number): number[][] {
  return dA.map((row, i) => row.map((g, j) => (g * D[i]![j]!) / keepProb));
}
