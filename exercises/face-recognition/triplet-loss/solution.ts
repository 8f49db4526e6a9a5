/** ‖u − v‖², the squared Euclidean distance between two encodings. */
function squaredDistance(u: number[], v: number[]): number {
  // mutant-equivalent(0 → 1): a 1 added to both distances cancels in d(A,P) − d(A,N).
  return u.reduce((sum, x, k) => sum + (x - v[k]!) ** 2, 0);
}

/** J = Σ_i max(‖f(A) − f(P)‖² − ‖f(A) − f(N)‖² + α, 0): the hinge per triplet, then the sum. */
export function tripletLoss(anchor: number[][], positive: number[][], negative: number[][], alpha: number): number {
  return anchor.reduce((total, a, i) => {
    const basic = squaredDistance(a, positive[i]!) - squaredDistance(a, negative[i]!) + alpha;
    return total + Math.max(basic, 0);
  }, 0);
}
