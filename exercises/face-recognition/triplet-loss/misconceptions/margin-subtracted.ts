/** Misconception "margin-subtracted": max(d(A,P) − d(A,N) − α, 0), the margin with the wrong sign. */
function squaredDistance(u: number[], v: number[]): number {
  return u.reduce((sum, x, k) => sum + (x - v[k]!) ** 2, 0);
}

export function tripletLoss(anchor: number[][], positive: number[][], negative: number[][], alpha: number): number {
  return anchor.reduce((total, a, i) => total + Math.max(squaredDistance(a, positive[i]!) - squaredDistance(a, negative[i]!) - alpha, 0), 0);
}
