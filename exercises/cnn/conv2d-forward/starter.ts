/**
 * The forward pass of a convolutional layer, Z = conv(A_prev, W) + b, as tf.conv2d computes it (cross-correlation:
 * the filter is not flipped). Images are NHWC and filters [f_h, f_w, c_in, c_out], as in TensorFlow.js:
 *   Z[i][h][w][k] = b[k] + Σ_{dh < f_h} Σ_{dw < f_w} Σ_{c < c_in} A_pad[i][h·s + dh][w·s + dw][c] · W[dh][dw][c][k]
 * where A_pad is A_prev padded with zeros.
 *   padding "valid": no padding; n_out = ⌊(n − f)/s⌋ + 1 along each axis
 *   padding "same":  n_out = ⌈n/s⌉; total padding P = max((n_out − 1)·s + f − n, 0) along each axis, ⌊P/2⌋ before
 *                    (top/left) and the rest after (bottom/right): an odd P puts the extra zero at the bottom/right
 *
 * @param A_prev input batch, shape [m, n_H_prev, n_W_prev, c_in]
 * @param W filters, shape [f_h, f_w, c_in, c_out]
 * @param b biases, shape [c_out]
 * @param stride s, the same along height and width
 * @param padding "valid" or "same"
 * @returns Z, shape [m, n_H, n_W, c_out]
 */
export function conv2dForward(
  A_prev: number[][][][],
  W: number[][][][],
  b: number[],
  stride: number,
  padding: "valid" | "same",
): number[][][][] {
  // Replace this placeholder with your implementation.
  return A_prev.map(() => [[b.map(() => 0)]]);
}
