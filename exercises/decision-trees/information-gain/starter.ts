/**
 * The information gain of splitting a decision-tree node in two:
 *   IG = H(node) − ( w_left · H(left branch) + w_right · H(right branch) ),
 *   w = (examples in the branch) / (examples in the node),   H = −Σ_k p_k·log₂ p_k with 0·log₂ 0 = 0.
 * An empty branch has weight 0 and contributes nothing.
 *
 * @param y        the m class labels of the node's examples, integers 0, 1, …
 * @param goesLeft the split: goesLeft[i] is true when example i goes to the left branch
 * @returns the information gain in bits
 */
export function informationGain(y: number[], goesLeft: boolean[]): number {
  // Replace this line with your implementation.
  return 0;
}
