/**
 * One layer of a ConvNet, as TensorFlow.js builds it. Images are NHWC (height, width, channels); a convolution's
 * filters have shape [f, f, c_in, c_out] plus one bias per output channel.
 *   kind "conv":    f×f filters, stride s, `filters` output channels (c_out)
 *   kind "maxpool" / "avgpool": an f×f window with stride s, applied to each channel on its own
 *   padding "valid": no padding (p = 0)
 *   padding "same":  TensorFlow's 'same': zeros added so that the output side is ⌈n / s⌉
 */
export type Layer =
  | { kind: "conv"; f: number; s: number; padding: "valid" | "same"; filters: number }
  | { kind: "maxpool" | "avgpool"; f: number; s: number; padding: "valid" | "same" };

/**
 * The output shape and the number of parameters of every layer of a stack.
 * Output side of a layer: ⌊(n + 2p − f)/s⌋ + 1 for padding p on each side.
 *
 * @param inputShape [n_H, n_W, n_C] of one input image (NHWC without the batch axis)
 * @param layers the layers, applied in order
 * @returns shapes[l] = [n_H, n_W, n_C] after layer l; params[l] = number of trainable parameters of layer l
 *   (weights and biases); totalParams = their sum
 */
export function convStackShapes(
  inputShape: number[],
  layers: Layer[],
): { shapes: number[][]; params: number[]; totalParams: number } {
  // Replace these placeholders with your implementation.
  const shapes: number[][] = layers.map(() => [0, 0, 0]);
  const params: number[] = layers.map(() => 0);
  return { shapes, params, totalParams: 0 };
}
