/** Misconception "exponent-sign-flipped": 1 / (1 + e^{z}), which is g(−z): every probability mirrored around 0.5. */
export function sigmoid(z: number[]): { g: number[]; one_minus_g: number[] } {
  const g = z.map((value) => 1 / (1 + Math.exp(value)));
  const one_minus_g = z.map((value) => 1 / (1 + Math.exp(-value)));
  return { g, one_minus_g };
}
