/** Every entry counts once: the sum of squared differences over all n_H·n_W·n_C entries, divided by 4 times their number. */
export function contentCost(a_C: number[][][][], a_G: number[][][][]): number {
  // mutant-equivalent(2 → 3): the arrays below [1] are three deep, so flat(3) flattens them exactly as flat(2)
  const c = a_C[0]!.flat(2);
  // mutant-equivalent(2 → 3): as above
  const g = a_G[0]!.flat(2);
  const sum = c.reduce((s, v, p) => s + (v - g[p]!) ** 2, 0);
  return sum / (4 * c.length);
}
