/** Misconception `mean-over-all-steps`: the masked total divided by m·T_x instead of the number of real steps. */
export function rnnSequenceLoss(yHat: number[][][], y: number[][], mask: number[][]): { sequenceLoss: number[]; meanLoss: number } {
  let total = 0;
  let positions = 0;
  const sequenceLoss = yHat.map((sequence, i) => {
    let loss = 0;
    sequence.forEach((probabilities, t) => {
      loss -= mask[i]![t]! * Math.log(probabilities[y[i]![t]!]!);
      positions += 1;
    });
    total += loss;
    return loss;
  });
  return { sequenceLoss, meanLoss: total / positions };
}
