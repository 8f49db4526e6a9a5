/** Misconception "l1-without-abs": sums the weights themselves instead of their absolute values, so the L1 gradient is λ₁ everywhere. */
export function regularizationPenalties(
  W: number[][],
  lambda1: number,
  lambda2: number,
): { l1: number; l2: number; dl1_dW: number[][]; dl2_dW: number[][] } {
  let absolute = 0;
  let squares = 0;
  for (const row of W) {
    for (const w of row) {
      absolute += w;
      squares += w * w;
    }
  }
  const sign = (w: number): number => (w > 0 ? 1 : w < 0 ? -1 : 0);
  return {
    l1: lambda1 * absolute,
    l2: lambda2 * squares,
    dl1_dW: W.map((row) => row.map(() => lambda1)),
    dl2_dW: W.map((row) => row.map((w) => 2 * lambda2 * w)),
  };
}
