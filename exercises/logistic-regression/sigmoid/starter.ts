/**
 * The sigmoid (logistic) function g(z) = 1 / (1 + e^(−z)), element-wise, and its complement 1 − g(z) = g(−z),
 * both accurate to a relative 1e-4 for every z: no overflow, no 0/0 (NaN), g(0) = 0.5 exactly, and tiny values
 * such as g(−40) ≈ 4.2e-18 computed to full relative precision rather than rounded to 0.
 *
 * @param z the inputs z (any real numbers, as large as ±1000)
 * @returns g: g(z) for each input; one_minus_g: 1 − g(z) for each input (both of z's length)
 */
export function sigmoid(z: number[]): { g: number[]; one_minus_g: number[] } {
  // Replace these placeholders with your implementation.
  return { g: z.map(() => 0.5), one_minus_g: z.map(() => 0.5) };
}
