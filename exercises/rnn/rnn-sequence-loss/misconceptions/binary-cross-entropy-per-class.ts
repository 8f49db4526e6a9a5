/**
 * Misconception `binary-cross-entropy-per-class`: the notes' binary cross-entropy −y log ŷ − (1 − y) log(1 − ŷ)
 * applied to each of the n_y outputs with a one-hot y, and summed over the classes.
 */
export function rnnSequenceLoss(yHat: number[][][], y: number[][], mask: number[][]): { sequenceLoss: number[]; meanLoss: number } {
  let total = 0;
  let realSteps = 0;
  const sequenceLoss = yHat.map((sequence, i) => {
    let loss = 0;
    sequence.forEach((probabilities, t) => {
      if (mask[i]![t] === 0) return;
      probabilities.forEach((p, k) => {
        const target = k === y[i]![t] ? 1 : 0;
        loss -= target * Math.log(p) + (1 - target) * Math.log(1 - p);
      });
      realSteps += 1;
    });
    total += loss;
    return loss;
  });
  return { sequenceLoss, meanLoss: total / realSteps };
}
