/**
 * Information gain of a binary split: H(node) − (w_left·H(left) + w_right·H(right)), each branch weighted by
 * its share of the node's examples. An empty branch has weight 0 and adds nothing (its proportions would be
 * 0/0, so it is skipped rather than computed).
 */
export function informationGain(y: number[], goesLeft: boolean[]): number {
  const entropyOf = (labels: number[]): number => {
    // mutant-equivalent(0 → 1): an empty branch has weight 0 and a one-example branch entropy 0, whatever is returned here
    if (labels.length === 0) return 0;
    const counts = new Map<number, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    // mutant-equivalent(0 → 1): adds 1 to every non-empty entropy; the weights sum to 1, so the gain is unchanged
    let h = 0;
    for (const count of counts.values()) {
      const p = count / labels.length;
      h -= p * Math.log2(p);
    }
    return h;
  };
  const left = y.filter((_, i) => goesLeft[i]);
  const right = y.filter((_, i) => !goesLeft[i]);
  const m = y.length;
  return entropyOf(y) - ((left.length / m) * entropyOf(left) + (right.length / m) * entropyOf(right));
}
