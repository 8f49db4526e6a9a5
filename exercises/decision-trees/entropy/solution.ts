/** H = −Σ_k p_k·log₂ p_k over the classes present: a class with p_k = 0 adds 0 (0·log 0 = 0), not NaN. */
export function entropy(p: number[]): number {
  let h = 0;
  for (const pk of p) {
    if (pk > 0) h -= pk * Math.log2(pk);
  }
  return h;
}
