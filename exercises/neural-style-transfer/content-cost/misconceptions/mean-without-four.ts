/** Misconception "mean-without-four": the mean squared difference (tf.reduce_mean), forgetting the 4. */
export function contentCost(a_C: number[][][][], a_G: number[][][][]): number {
  const c = a_C[0]!.flat(2);
  const g = a_G[0]!.flat(2);
  const sum = c.reduce((s, v, p) => s + (v - g[p]!) ** 2, 0);
  return sum / c.length;
}
