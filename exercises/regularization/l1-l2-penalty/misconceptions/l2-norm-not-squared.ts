/** Misconception "l2-norm-not-squared": uses the Euclidean norm λ₂·‖W‖ (square root of the sum of squares) instead of the sum of squares. */
export function regularizationPenalties(
  W: number[][],
  lambda1: number,
  lambda2: number,
): { l1: number; l2: number; dl1_dW: number[][]; dl2_dW: number[][] } {
  let absolute = 0;
  let squares = 0;
  for (const row of W) {
    for (const w of row) {
      absolute += Math.abs(w);
      squares += w * w;
    }
  }
  const sign = (w: number): number => (w > 0 ? 1 : w < 0 ? -1 : 0);
  return {
    l1: lambda1 * absolute,
    l2: lambda2 * Math.sqrt(squares),
    dl1_dW: W.map((row) => row.map((w) => lambda1 * sign(w))),
    dl2_dW: W.map((row) => row.map((w) => (squares === 0 ? 0 : (lambda2 * w) / Math.sqrt(squares)))),
  };
}
