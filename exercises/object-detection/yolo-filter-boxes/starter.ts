/**
 * Keeps the YOLO boxes whose best class score reaches the threshold. For the anchor box a of grid cell (i, j):
 *   score_k = p_c · c_k for every class k,   class = argmax_k score_k (the smallest k on a tie),
 *   score = max_k score_k,                   kept when score ≥ threshold.
 * Kept boxes are listed in row-major order: by row i, then column j, then anchor a.
 *
 * @param boxConfidence p_c of every anchor box, shape [S_h, S_w, A]
 * @param boxes         every anchor box's corners [x1, y1, x2, y2], shape [S_h, S_w, A, 4]
 * @param boxClassProbs c_1 … c_C of every anchor box (they sum to 1), shape [S_h, S_w, A, C]
 * @param threshold     the score a box needs to be kept
 * @returns boxes [K, 4], scores [K] and classes [K] (0-based class indices) of the K kept boxes
 */
export function yoloFilterBoxes(
  boxConfidence: number[][][],
  boxes: number[][][][],
  boxClassProbs: number[][][][],
  threshold: number,
): { boxes: number[][]; scores: number[]; classes: number[] } {
  // Replace this placeholder with your implementation.
  return { boxes: boxes.flat(2), scores: boxConfidence.flat(2), classes: boxConfidence.flat(2).map(() => 0) };
}
