/**
 * Intersection over union of boxes given by their corners (x1, y1, x2, y2), with x1 < x2 and y1 < y2 (the
 * top-left and bottom-right corners in image coordinates; coordinates are continuous, so a box's width is x2 − x1).
 *   IoU = area(A ∩ B) / area(A ∪ B),   area(A ∪ B) = area(A) + area(B) − area(A ∩ B)
 * Boxes that do not overlap, or only share an edge, have IoU 0.
 *
 * @param boxesA n boxes, shape [n, 4]: boxesA[i] = [x1, y1, x2, y2]
 * @param boxesB n boxes, shape [n, 4], compared pairwise with boxesA
 * @returns n numbers in [0, 1]: the IoU of boxesA[i] and boxesB[i]
 */
export function iou(boxesA: number[][], boxesB: number[][]): number[] {
  // Replace this placeholder with your implementation.
  return boxesA.map(() => 0.5);
}
