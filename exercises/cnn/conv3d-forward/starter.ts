/**
 * The forward pass of a three-dimensional convolutional layer, Z = conv(A_prev, W) + b, as tf.conv3d computes it
 * (cross-correlation: the filter is not flipped). Volumes are NDHWC and filters [f_d, f_h, f_w, c_in, c_out], as in
 * TensorFlow.js:
 *   Z[i][d][h][w][k] = b[k] + Σ_{dd < f_d} Σ_{dh < f_h} Σ_{dw < f_w} Σ_{c < c_in}
 *                             A_pad[i][d·s + dd][h·s + dh][w·s + dw][c] · W[dd][dh][dw][c][k]
 * where A_pad is A_prev padded with zeros. Depth, height and width follow the same rule:
 *   padding "valid": no padding; n_out = ⌊(n − f)/s⌋ + 1 along each axis
 *   padding "same":  n_out = ⌈n/s⌉; total padding P = max((n_out − 1)·s + f − n, 0) along each axis, ⌊P/2⌋ before
 *                    (front/top/left) and the rest after (back/bottom/right): an odd P puts the extra zero after
 *
 * @param A_prev input batch, shape [m, n_D_prev, n_H_prev, n_W_prev, c_in]
 * @param W filters, shape [f_d, f_h, f_w, c_in, c_out]
 * @param b biases, shape [c_out]
 * @param stride s, the same along depth, height and width
 * @param padding "valid" or "same"
 * @returns Z, shape [m, n_D, n_H, n_W, c_out]
 */
export function conv3dForward(
  A_prev: number[][][][][],
  W: number[][][][][],
  b: number[],
  stride: number,
  padding: "valid" | "same",
): number[][][][][] {
  // Replace this placeholder with your implementation.
  return A_prev.map(() => [[[b.map(() => 0)]]]);
}
