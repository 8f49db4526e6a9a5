/** Misconception "strict-iou": suppresses only when IoU > the threshold, so a box exactly at the threshold stays. */
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
  for (const i of order) {
    if (selected.length >= maxOutputSize) break;
    if (selected.every((k) => iou(boxes[i]!, boxes[k]!) <= iouThreshold)) selected.push(i);
  }
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
