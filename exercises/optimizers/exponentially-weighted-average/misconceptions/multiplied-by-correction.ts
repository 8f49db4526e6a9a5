/** Misconception "multiplied-by-correction": multiplies by 1 − β^t instead of dividing (the notes' equation solved for v_t). */
export function exponentiallyWeightedAverage(theta: number[], beta: number): { v: number[]; vCorrected: number[] } {
  const v: number[] = [];
  const vCorrected: number[] = [];
  let average = 0;
  theta.forEach((value, index) => {
    const t = index + 1;
    average = beta * average + (1 - beta) * value;
    v.push(average);
    vCorrected.push(average * (1 - beta ** t));
  });
  return { v, vCorrected };
}
