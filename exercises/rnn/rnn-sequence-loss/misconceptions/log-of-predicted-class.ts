/** Misconception `log-of-predicted-class`: −log of the largest probability (the predicted class), not the true one. */
export function rnnSequenceLoss(yHat: number[][][], y: number[][], mask: number[][]): { sequenceLoss: number[]; meanLoss: number } {
  let total = 0;
  let realSteps = 0;
  const sequenceLoss = yHat.map((sequence, i) => {
    let loss = 0;
    sequence.forEach((probabilities, t) => {
      if (mask[i]![t] === 0) return;
      loss -= Math.log(Math.max(...probabilities));
      realSteps += 1;
    });
    total += loss;
    return loss;
  });
  void y;
  return { sequenceLoss, meanLoss: total / realSteps };
}
