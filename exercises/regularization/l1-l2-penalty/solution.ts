/** Element by element: |w| and w² summed for the penalties, λ₁·sign(w) (sign(0) = 0) and 2λ₂·w for the gradients. */
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
    l2: lambda2 * squares,
    dl1_dW: W.map((row) => row.map((w) => lambda1 * sign(w))),
    dl2_dW: W.map((row) => row.map((w) => 2 * lambda2 * w)),
  };
}
