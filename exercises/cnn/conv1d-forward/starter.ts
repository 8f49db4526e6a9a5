/**
 * The forward pass of a one-dimensional convolutional layer, Z = conv(A_prev, W) + b, as tf.conv1d computes it
 * (cross-correlation: the filter is not flipped). Sequences are [m, n, c_in] (positions along the middle axis,
 * channels last) and filters [f, c_in, c_out], as in TensorFlow.js:
 *   Z[i][t][k] = b[k] + Σ_{dt < f} Σ_{c < c_in} A_pad[i][t·s + dt][c] · W[dt][c][k]
 * where A_pad is A_prev padded with zeros along the sequence.
 *   padding "valid": no padding; n_out = ⌊(n − f)/s⌋ + 1
 *   padding "same":  n_out = ⌈n/s⌉; total padding P = max((n_out − 1)·s + f − n, 0), ⌊P/2⌋ zeros before the first
 *                    position and the rest after the last: an odd P puts the extra zero at the end
 *
 * @param A_prev input batch, shape [m, n, c_in]
 * @param W filters, shape [f, c_in, c_out]
 * @param b biases, shape [c_out]
 * @param stride s
 * @param padding "valid" or "same"
 * @returns Z, shape [m, n_out, c_out]
 */
export function conv1dForward(A_prev: number[][][], W: number[][][], b: number[], stride: number, padding: "valid" | "same"): number[][][] {
  // Replace this placeholder with your implementation.
  return A_prev.map(() => [b.map(() => 0)]);
}
