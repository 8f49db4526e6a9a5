/**
 * The backward pass of a convolutional layer Z = conv(A_prev, W) + b (tf.conv2d's cross-correlation, no flip).
 * Given dZ = ∂J/∂Z, return the gradients of the cost J with respect to A_prev, W and b:
 *   db[k]            = Σ_i Σ_h Σ_w dZ[i][h][w][k]
 *   dW[dh][dw][c][k] = Σ_i Σ_h Σ_w A_pad[i][h·s + dh][w·s + dw][c] · dZ[i][h][w][k]
 *   dA_pad[i][h·s + dh][w·s + dw][c] += W[dh][dw][c][k] · dZ[i][h][w][k]   for every i, h, w, dh, dw, c, k
 *   dA_prev = dA_pad with the padding cropped off (the same shape as A_prev)
 * where A_pad is A_prev padded with zeros as in the forward pass:
 *   padding "valid": none
 *   padding "same":  total P = max((n_out − 1)·s + f − n, 0) along each axis, ⌊P/2⌋ before (top/left), the rest
 *                    after (bottom/right); n_out is dZ's size along that axis (⌈n/s⌉)
 * Images are NHWC and filters [f_h, f_w, c_in, c_out], as in TensorFlow.js. dZ is already the cost's gradient:
 * no 1/m is applied here.
 *
 * @param dZ upstream gradient ∂J/∂Z, shape [m, n_H, n_W, c_out]
 * @param A_prev the layer's input batch, shape [m, n_H_prev, n_W_prev, c_in]
 * @param W filters, shape [f_h, f_w, c_in, c_out]
 * @param b biases, shape [c_out] (they enter no gradient; their length is c_out)
 * @param stride s, the same along height and width
 * @param padding "valid" or "same"
 * @returns dA_prev [m, n_H_prev, n_W_prev, c_in], dW [f_h, f_w, c_in, c_out], db [c_out]
 */
export function conv2dBackward(
  dZ: number[][][][],
  A_prev: number[][][][],
  W: number[][][][],
  b: number[],
  stride: number,
  padding: "valid" | "same",
): { dA_prev: number[][][][]; dW: number[][][][]; db: number[] } {
  // Replace these zeros with the gradients.
  return {
    dA_prev: A_prev.map((image) => image.map((row) => row.map((pixel) => pixel.map(() => 0)))),
    dW: W.map((row) => row.map((column) => column.map((channel) => channel.map(() => 0)))),
    db: b.map(() => 0),
  };
}
