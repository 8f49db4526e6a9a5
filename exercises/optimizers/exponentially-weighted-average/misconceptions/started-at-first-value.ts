/** Misconception "started-at-first-value": starts the average at θ_1 instead of v_0 = 0, then still applies the bias correction. */
export function exponentiallyWeightedAverage(theta: number[], beta: number): { v: number[]; vCorrected: number[] } {
  const v: number[] = [];
  const vCorrected: number[] = [];
  let average = theta[0]!;
  theta.forEach((value, index) => {
    const t = index + 1;
    average = beta * average + (1 - beta) * value;
    v.push(average);
    vCorrected.push(average / (1 - beta ** t));
  });
  return { v, vCorrected };
}
