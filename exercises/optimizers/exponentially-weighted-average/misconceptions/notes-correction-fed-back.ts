/** Misconception "notes-correction-fed-back": reads the notes' v_t/(1 − β^t) = βv_{t−1} + (1 − β)θ_t as a recursion on the corrected values. */
export function exponentiallyWeightedAverage(theta: number[], beta: number): { v: number[]; vCorrected: number[] } {
  const v: number[] = [];
  const vCorrected: number[] = [];
  let average = 0;
  let corrected = 0;
  theta.forEach((value, index) => {
    const t = index + 1;
    average = beta * average + (1 - beta) * value;
    v.push(average);
    corrected = (beta * corrected + (1 - beta) * value) / (1 - beta ** t);
    vCorrected.push(corrected);
  });
  return { v, vCorrected };
}
