/** Misconception "weights-swapped": weights the old average by 1 − β and the new value by β. */
export function exponentiallyWeightedAverage(theta: number[], beta: number): { v: number[]; vCorrected: number[] } {
  const v: number[] = [];
  const vCorrected: number[] = [];
  let average = 0;
  theta.forEach((value, index) => {
    const t = index + 1;
    average = (1 - beta) * average + beta * value;
    v.push(average);
    vCorrected.push(average / (1 - beta ** t));
  });
  return { v, vCorrected };
}
