/** Misconception "missing-one-in-denominator": α0/(decayRate·epoch), infinite at epoch 0. */
export function learningRateDecay(
  alpha0: number,
  epochs: number[],
  decayRate: number,
  base: number,
  interval: number,
): { inverseTime: number[]; exponential: number[]; staircase: number[] } {
  return {
    inverseTime: epochs.map((epoch) => alpha0 / (decayRate * epoch)),
    exponential: epochs.map((epoch) => alpha0 * base ** epoch),
    staircase: epochs.map((epoch) => alpha0 / (decayRate * Math.floor(epoch / interval))),
  };
}
