/** Misconception "no-clamp": takes min(x2) − max(x1) as the intersection's width even when it is negative. */
/** The intersection is a box too: the larger of the top-left corners to the smaller of the bottom-right ones, empty when they cross. */
export function iou(boxesA: number[][], boxesB: number[][]): number[] {
  return boxesA.map((a, i) => {
    const [ax1, ay1, ax2, ay2] = a as [number, number, number, number];
    const [bx1, by1, bx2, by2] = boxesB[i] as [number, number, number, number];
    const interWidth = Math.min(ax2, bx2) - Math.max(ax1, bx1);
    const interHeight = Math.min(ay2, by2) - Math.max(ay1, by1);
    const intersection = interWidth * interHeight;
    const union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - intersection;
    return intersection / union;
  });
}
