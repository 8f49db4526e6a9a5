/**
 * Misconception "binary-formula-only": copies the notes' two-class H(p₁) = −p₁·log₂ p₁ − p₀·log₂ p₀ with
 * p₁ = p[0] and p₀ = 1 − p₁, lumping every other class together.
 */
export function entropy(p: number[]): number {
  const p1 = p[0]!;
  const p0 = 1 - p1;
  let h = 0;
  if (p1 > 0) h -= p1 * Math.log2(p1);
  if (p0 > 0) h -= p0 * Math.log2(p0);
  return h;
}
