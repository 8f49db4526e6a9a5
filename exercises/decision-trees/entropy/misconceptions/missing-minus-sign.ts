/** Misconception "missing-minus-sign": adds p·log₂ p, which is ≤ 0, and returns the negative of the entropy. */
export function entropy(p: number[]): number {
  let h = 0;
  for (const pk of p) {
    if (pk > 0) h += pk * Math.log2(pk);
  }
  return h;
}
