/** Misconception "lecture-half": the lecture's 1/2·‖a_C − a_G‖² instead of the assignment's 1/(4·n_H·n_W·n_C). */
export function contentCost(a_C: number[][][][], a_G: number[][][][]): number {
  const c = a_C[0]!.flat(2);
  const g = a_G[0]!.flat(2);
  const sum = c.reduce((s, v, p) => s + (v - g[p]!) ** 2, 0);
  return sum / 2;
}
