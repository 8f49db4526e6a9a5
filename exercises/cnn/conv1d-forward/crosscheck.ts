/**
 * The reference is tf.conv1d plus the bias. Two independent computations must give the same Z:
 *   - Keras's layer, tf.layers.conv1d with the same kernel size, strides and padding and its weights set to [W, b]
 *     (Keras stores the kernel as [f, c_in, c_out], the same layout);
 *   - the conv2d-forward reference (tf.conv2d) on each sequence as an image one row high, [m, 1, n, c_in], with
 *     1×f filters [1, f, c_in, c_out]: a 1D convolution is a 2D one along the width alone, padded by the same rule.
 * Inputs sit on a 1/8 grid and the sums are exact in float32, so the tolerance is float32's rounding of an exact
 * sum, 1e-5.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import conv2dForwardReference from "../conv2d-forward/reference";
import generate from "./cases";
import { argsSchema, conv1dForwardReference } from "./reference";

function maxAbs(a: tf.Tensor, b: tf.Tensor): number {
  if (a.rank !== b.rank || a.shape.some((d, k) => d !== b.shape[k])) return Infinity;
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).arraySync() as number);
}

const crossCheck: CrossCheck = (seed) =>
  generate(seed).flatMap((c): CrossCheckResult[] => {
    const [A_prev, W, b, stride, padding] = argsSchema.parse(c.args);
    const expected = tf.tensor3d(conv1dForwardReference(A_prev, W, b, stride, padding));
    const input = tf.tensor3d(A_prev);
    const layer = tf.layers.conv1d({ filters: b.length, kernelSize: W.length, strides: stride, padding, useBias: true, inputShape: input.shape.slice(1) });
    tf.dispose(layer.apply(input) as tf.Tensor); // builds the layer's weights before setting them
    const weights = [tf.tensor3d(W), tf.tensor1d(b)];
    layer.setWeights(weights);
    const fromLayer = layer.apply(input) as tf.Tensor;
    const oneRow = conv2dForwardReference(A_prev.map((sequence) => [sequence]), [W], b, stride, padding) as number[][][][];
    const fromConv2d = tf.tensor3d(oneRow.map((image) => image[0]!));
    const results = [
      { name: `tf.layers.conv1d with weights [W, b] vs reference: ${c.name}`, maxAbsError: maxAbs(fromLayer, expected), tolerance: 1e-5 },
      { name: `conv2d-forward on one-row images with 1×f filters vs reference: ${c.name}`, maxAbsError: maxAbs(fromConv2d, expected), tolerance: 1e-5 },
    ];
    tf.dispose([expected, input, fromLayer, fromConv2d, ...weights]);
    layer.dispose();
    return results;
  });

export default crossCheck;
