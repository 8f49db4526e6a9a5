/** Misconception `mean-of-sequence-means`: each sequence's mean loss per step, then the mean over the m sequences. */
export function rnnSequenceLoss(yHat: number[][][], y: number[][], mask: number[][]): { sequenceLoss: number[]; meanLoss: number } {
  let sumOfMeans = 0;
  const sequenceLoss = yHat.map((sequence, i) => {
    let loss = 0;
    let length = 0;
    sequence.forEach((probabilities, t) => {
      if (mask[i]![t] === 0) return;
      loss -= Math.log(probabilities[y[i]![t]!]!);
      length += 1;
    });
    sumOfMeans += loss / length;
    return loss;
  });
  return { sequenceLoss, meanLoss: sumOfMeans / yHat.length };
}
