/**
 * Learning-rate decay: three schedules of the course, each evaluated at every epoch number given.
 *   inverse time:  α = α0 / (1 + decayRate · epoch)
 *   exponential:   α = α0 · base^epoch                       (e.g. base 0.95)
 *   staircase:     α = α0 / (1 + decayRate · ⌊epoch / interval⌋)   (drops once every `interval` epochs)
 *
 * @param alpha0 the initial learning rate α0 > 0
 * @param epochs epoch numbers (integers ≥ 0; epoch 0 gives α0 in every schedule)
 * @param decayRate the decay rate of the inverse-time and staircase schedules, ≥ 0
 * @param base the base of the exponential schedule, in (0, 1]
 * @param interval the staircase's step length in epochs, an integer ≥ 1
 * @returns the three schedules, each an array with one learning rate per entry of `epochs`
 */
export function learningRateDecay(
  alpha0: number,
  epochs: number[],
  decayRate: number,
  base: number,
  interval: number,
): { inverseTime: number[]; exponential: number[]; staircase: number[] } {
  // Replace these placeholders with your implementation.
  return { inverseTime: epochs.map(() => alpha0), exponential: epochs.map(() => alpha0), staircase: epochs.map(() => alpha0) };
}
