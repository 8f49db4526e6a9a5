/** Misconception "correction-exponent-from-zero": uses the 0-based index as t in β^t, so the first correction is 1 − β⁰ = 0. */
export function exponentiallyWeightedAverage(theta: number[], beta: number): { v: number[]; vCorrected: number[] } {
  const v: number[] = [];
  const vCorrected: number[] = [];
  let average = 0;
  theta.forEach((value, index) => {
    average = beta * average + (1 - beta) * value;
    v.push(average);
    vCorrected.push(average / (1 - beta ** index));
  });
  return { v, vCorrected };
}
