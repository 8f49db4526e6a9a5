/** Misconception "mean-not-sum": averages the m triplet losses instead of summing them. */
function squaredDistance(u: number[], v: number[]): number {
  return u.reduce((sum, x, k) => sum + (x - v[k]!) ** 2, 0);
}

export function tripletLoss(anchor: number[][], positive: number[][], negative: number[][], alpha: number): number {
  const total = anchor.reduce((sum, a, i) => sum + Math.max(squaredDistance(a, positive[i]!) - squaredDistance(a, negative[i]!) + alpha, 0), 0);
  return total / anchor.length;
}
