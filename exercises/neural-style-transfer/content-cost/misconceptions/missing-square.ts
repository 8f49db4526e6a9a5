/** Misconception "missing-square": sums the signed differences (tf.reduce_sum(a_C - a_G)) without squaring them. */
export function contentCost(a_C: number[][][][], a_G: number[][][][]): number {
  const c = a_C[0]!.flat(2);
  const g = a_G[0]!.flat(2);
  const sum = c.reduce((s, v, p) => s + (v - g[p]!), 0);
  return sum / (4 * c.length);
}
