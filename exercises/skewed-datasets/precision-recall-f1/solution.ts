/**
 * Predict 1 where f ≥ threshold, count the confusion matrix, then apply the 0/0 conventions: precision is 0
 * when nothing is predicted positive, recall is 0 when nothing is actually positive, F1 is 0 when P + R = 0.
 */
export function precisionRecallF1(
  probabilities: number[],
  y: number[],
  threshold: number,
): { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number; f1: number } {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  // mutant-equivalent: one step past the end reads undefined, which is neither predicted (undefined ≥ t is false) nor positive
  for (let i = 0; i < y.length; i++) {
    const predicted = probabilities[i]! >= threshold;
    const actual = y[i] === 1;
    if (predicted && actual) truePositives++;
    else if (predicted) falsePositives++;
    else if (actual) falseNegatives++;
  }
  const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? 0 : numerator / denominator);
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
