/** Misconception "natural-log": uses the natural logarithm, so H comes out in nats (ln 2 ≈ 0.693 times the bits). */
export function entropy(p: number[]): number {
  let h = 0;
  for (const pk of p) {
    if (pk > 0) h -= pk * Math.log(pk);
  }
  return h;
}
