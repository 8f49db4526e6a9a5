/** Misconception "norm-not-squared": uses the Euclidean distances ‖f(A) − f(P)‖, ‖f(A) − f(N)‖ without squaring them. */
function distance(u: number[], v: number[]): number {
  return Math.sqrt(u.reduce((sum, x, k) => sum + (x - v[k]!) ** 2, 0));
}

export function tripletLoss(anchor: number[][], positive: number[][], negative: number[][], alpha: number): number {
  return anchor.reduce((total, a, i) => total + Math.max(distance(a, positive[i]!) - distance(a, negative[i]!) + alpha, 0), 0);
}
