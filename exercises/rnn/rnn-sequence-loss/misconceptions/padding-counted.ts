/** Misconception `padding-counted`: the mask is ignored, every one of the m·T_x steps counts. */
export function rnnSequenceLoss(yHat: number[][][], y: number[][], mask: number[][]): { sequenceLoss: number[]; meanLoss: number } {
  let total = 0;
  let steps = 0;
  const sequenceLoss = yHat.map((sequence, i) => {
    let loss = 0;
    sequence.forEach((probabilities, t) => {
      loss -= Math.log(probabilities[y[i]![t]!]!);
      steps += 1;
    });
    total += loss;
    return loss;
  });
  void mask;
  return { sequenceLoss, meanLoss: total / steps };
}
