/** Misconception "norm-not-squared": the Euclidean norm ‖a_C − a_G‖ (tf.norm) instead of its square. */
export function contentCost(a_C: number[][][][], a_G: number[][][][]): number {
  const c = a_C[0]!.flat(2);
  const g = a_G[0]!.flat(2);
  const sum = c.reduce((s, v, p) => s + (v - g[p]!) ** 2, 0);
  return Math.sqrt(sum) / (4 * c.length);
}
