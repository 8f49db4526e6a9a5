/** Misconception "max-outside-sum": J = max(Σ_i (d(A,P) − d(A,N) + α), 0), one hinge around the whole sum. */
function squaredDistance(u: number[], v: number[]): number {
  return u.reduce((sum, x, k) => sum + (x - v[k]!) ** 2, 0);
}

export function tripletLoss(anchor: number[][], positive: number[][], negative: number[][], alpha: number): number {
  const total = anchor.reduce((sum, a, i) => sum + squaredDistance(a, positive[i]!) - squaredDistance(a, negative[i]!) + alpha, 0);
  return Math.max(total, 0);
}
