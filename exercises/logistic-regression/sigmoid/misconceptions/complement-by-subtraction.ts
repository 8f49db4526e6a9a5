/** Misconception "complement-by-subtraction": g(z) is right, but 1 − g(z) is computed as 1 minus it, which cancels to 0 for z ≳ 37. */
export function sigmoid(z: number[]): { g: number[]; one_minus_g: number[] } {
  const g = z.map((value) => (value >= 0 ? 1 / (1 + Math.exp(-value)) : Math.exp(value) / (1 + Math.exp(value))));
  return { g, one_minus_g: g.map((p) => 1 - p) };
}
