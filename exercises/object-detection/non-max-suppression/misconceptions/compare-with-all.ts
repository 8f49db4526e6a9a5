/**
 * Misconception "compare-with-all": drops a box when ANY higher-scoring box overlaps it by IoU ≥ the threshold,
 * even a box that was itself suppressed, instead of comparing it only with the boxes kept so far.
 */
export function nonMaxSuppression(
  boxes: number[][],
  scores: number[],
  maxOutputSize: number,
  iouThreshold: number,
  scoreThreshold: number,
): number[] {
  const order = scores
    .map((_, i) => i)
    .filter((i) => scores[i]! > scoreThreshold)
    .sort((i, j) => scores[j]! - scores[i]!);
  const selected: number[] = [];
  order.forEach((i, rank) => {
    if (selected.length >= maxOutputSize) return;
    const better = order.slice(0, rank);
    if (better.every((k) => iou(boxes[i]!, boxes[k]!) < iouThreshold)) selected.push(i);
  });
  return selected;
}

function iou(a: number[], b: number[]): number {
  const [ax1, ay1, ax2, ay2] = a as [number, number, number, number];
  const [bx1, by1, bx2, by2] = b as [number, number, number, number];
  const interWidth = Math.max(0, Math.min(ax2, bx2) - Math.max(ax1, bx1));
  const interHeight = Math.max(0, Math.min(ay2, by2) - Math.max(ay1, by1));
  const intersection = interWidth * interHeight;
  return intersection / ((ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - intersection);
}
