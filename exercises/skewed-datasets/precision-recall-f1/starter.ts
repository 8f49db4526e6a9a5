/**
 * Precision, recall and F1 of a binary classifier at a threshold (the notes' skewed-dataset metrics):
 *   ŷ = 1 where f ≥ threshold, else 0;   P = TP / (TP + FP),   R = TP / (TP + FN),   F1 = 2PR / (P + R).
 * Conventions for 0/0: P = 0 when nothing is predicted positive, R = 0 when no example is positive,
 * F1 = 0 when P + R = 0.
 *
 * @param probabilities the m model outputs f(x⁽ⁱ⁾) in [0, 1]
 * @param y             the m true labels, 0 or 1 (1 = the rare class)
 * @param threshold     predict 1 when f ≥ threshold
 * @returns the confusion-matrix counts TP, FP, FN and the three metrics
 */
export function precisionRecallF1(
  probabilities: number[],
  y: number[],
  threshold: number,
): { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number; f1: number } {
  // Replace these placeholders with your implementation.
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 0, recall: 0, f1: 0 };
}
