/**
 * Each value through whichever form keeps the exponent ≤ 0: e^{−|z|} ≤ 1 never overflows, the denominator is in
 * [1, 2], and the small one of g(z) and 1 − g(z) is computed directly, never as 1 minus a number close to 1.
 */
export function sigmoid(z: number[]): { g: number[]; one_minus_g: number[] } {
  const g: number[] = [];
  const one_minus_g: number[] = [];
  for (const value of z) {
    const e = Math.exp(-Math.abs(value));
    const large = 1 / (1 + e);
    const small = e / (1 + e);
    g.push(value >= 0 ? large : small); // mutant-equivalent(>= → >): at z = 0 both branches give 0.5
    one_minus_g.push(value >= 0 ? small : large); // mutant-equivalent(>= → >): at z = 0 both branches give 0.5
  }
  return { g, one_minus_g };
}
