/**
 * The entropy of a decision-tree node, in bits:  H = −Σ_k p_k·log₂(p_k),  with 0·log₂(0) = 0.
 *
 * @param p the class proportions of the node's examples: p[k] is the share of class k (0 ≤ p_k ≤ 1, Σ p_k = 1)
 * @returns H in bits: 0 for a pure node, 1 for a 50/50 binary node, log₂ K for K equally frequent classes
 */
export function entropy(p: number[]): number {
  // Replace this line with your implementation.
  return 0;
}
