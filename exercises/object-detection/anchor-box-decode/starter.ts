/**
 * Decodes YOLO's raw outputs into box corners (YOLOv2). For anchor box a of the cell in row i, column j of an
 * S_h × S_w grid, with t = [t_x, t_y, t_w, t_h] and the anchor's size (p_w, p_h) in grid cells:
 *   b_x = (σ(t_x) + c_x) / S_w,   c_x = j (the column)      b_w = p_w · e^{t_w} / S_w
 *   b_y = (σ(t_y) + c_y) / S_h,   c_y = i (the row)         b_h = p_h · e^{t_h} / S_h
 * and the corners are (b_x − b_w/2, b_y − b_h/2, b_x + b_w/2, b_y + b_h/2), as fractions of the image's width and
 * height (not clipped to [0, 1]).
 *
 * @param t       raw outputs, shape [S_h, S_w, A, 4]: t[i][j][a] = [t_x, t_y, t_w, t_h] (width before height)
 * @param anchors anchor box sizes in grid cells, shape [A, 2]: anchors[a] = [p_w, p_h]
 * @returns corners, shape [S_h, S_w, A, 4]: [x1, y1, x2, y2] of every anchor box of every cell
 */
export function decodeAnchorBoxes(t: number[][][][], anchors: number[][]): number[][][][] {
  // Replace this placeholder with your implementation.
  return t.map((row) => row.map((cell) => cell.map(() => [0, 0, 1, 1])));
}
