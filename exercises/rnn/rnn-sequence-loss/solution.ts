/** Model solution for `rnn-sequence-loss` (plain TypeScript, float64). */
export function rnnSequenceLoss(yHat: number[][][], y: number[][], mask: number[][]): { sequenceLoss: number[]; meanLoss: number } {
  let total = 0;
  let realSteps = 0;
  const sequenceLoss = yHat.map((sequence, i) => {
    let loss = 0;
    sequence.forEach((probabilities, t) => {
      // Padding is not part of the sequence: skip it rather than multiply, whatever filler it holds.
      if (mask[i]![t] === 0) return;
      loss -= Math.log(probabilities[y[i]![t]!]!);
      realSteps += 1;
    });
    total += loss;
    return loss;
  });
  return { sequenceLoss, meanLoss: total / realSteps };
}
