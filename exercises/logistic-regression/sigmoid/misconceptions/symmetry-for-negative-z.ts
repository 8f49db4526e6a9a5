/** Misconception "symmetry-for-negative-z": avoids e^{−z} for z < 0 through g(z) = 1 − g(−z), which rounds tiny probabilities to 0. */
export function sigmoid(z: number[]): { g: number[]; one_minus_g: number[] } {
  const forward = (value: number): number => (value >= 0 ? 1 / (1 + Math.exp(-value)) : 1 - 1 / (1 + Math.exp(value)));
  return { g: z.map(forward), one_minus_g: z.map((value) => forward(-value)) };
}
