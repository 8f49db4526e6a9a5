/** Misconception "staircase-not-floored": the staircase uses epoch/interval unrounded, a smooth decay. */
export function learningRateDecay(
  alpha0: number,
  epochs: number[],
  decayRate: number,
  base: number,
  interval: number,
): { inverseTime: number[]; exponential: number[]; staircase: number[] } {
  return {
    inverseTime: epochs.map((epoch) => alpha0 / (1 + decayRate * epoch)),
    exponential: epochs.map((epoch) => alpha0 * base ** epoch),
    staircase: epochs.map((epoch) => alpha0 / (1 + decayRate * (epoch / interval))),
  };
}
