/**
 * The forward pass of a pooling layer, as tf.maxPool / tf.avgPool compute it. Images are NHWC, as in
 * TensorFlow.js: A_prev[i][h][w][c]. An f×f window moves with stride s over each channel on its own and takes
 * the maximum ("max") or the mean ("average") of the input values under it.
 *   padding "valid": no padding; n_out = ⌊(n − f)/s⌋ + 1 along each axis
 *   padding "same":  n_out = ⌈n/s⌉; total padding P = max((n_out − 1)·s + f − n, 0), ⌊P/2⌋ before (top/left)
 *                    and the rest after (bottom/right). Padded positions are not values: a max ignores them and
 *                    an average divides by the number of real input values in the window.
 *
 * @param A_prev input batch, shape [m, n_H_prev, n_W_prev, n_C]
 * @param f window side
 * @param stride s, the same along height and width
 * @param mode "max" or "average"
 * @param padding "valid" or "same"
 * @returns A, shape [m, n_H, n_W, n_C]
 */
export function poolForward(
  A_prev: number[][][][],
  f: number,
  stride: number,
  mode: "max" | "average",
  padding: "valid" | "same",
): number[][][][] {
  // Replace this placeholder with your implementation.
  return A_prev.map((image) => [[image[0]![0]!.map(() => 0)]]);
}
