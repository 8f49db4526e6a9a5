/**
 * The triplet loss of a batch of m triplets (anchor A, positive P = the same person, negative N = someone else),
 * given their encodings f(·), one triplet per row:
 *   L(A, P, N) = max(‖f(A) − f(P)‖² − ‖f(A) − f(N)‖² + α, 0),   J = Σ_i L(A_i, P_i, N_i)   (a sum, not a mean).
 * ‖·‖² is the squared Euclidean norm: the sum of the squared differences of the d entries.
 *
 * @param anchor   f(A), m × d: row i is the encoding of the anchor image of triplet i
 * @param positive f(P), m × d
 * @param negative f(N), m × d
 * @param alpha    the margin α > 0
 * @returns J, the sum of the m triplet losses
 */
export function tripletLoss(anchor: number[][], positive: number[][], negative: number[][], alpha: number): number {
  // Replace this placeholder with your implementation.
  return 0;
}
