/** Misconception "precision-recall-swapped": divides TP by the actual positives for precision and by the predicted positives for recall. */
export function precisionRecallF1(
  probabilities: number[],
  y: number[],
  threshold: number,
): { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number; f1: number } {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (let i = 0; i < y.length; i++) {
    const predicted = probabilities[i]! >= threshold;
    const actual = y[i] === 1;
    if (predicted && actual) truePositives++;
    else if (predicted) falsePositives++;
    else if (actual) falseNegatives++;
  }
  const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? 0 : numerator / denominator);
  const precision = ratio(truePositives, truePositives + falseNegatives);
  const recall = ratio(truePositives, truePositives + falsePositives);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
