/**
 * The reference is tf.conv2d plus the bias; Keras's layer, tf.layers.conv2d with channels last, the same kernel
 * size, strides and padding, and its weights set to [W, b] (Keras stores the kernel as [f_h, f_w, c_in, c_out],
 * the same layout), must give the same Z. Inputs sit on a 1/8 grid and the sums are exact in float32, so the
 * tolerance is float32's rounding of an exact sum, 1e-5.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [A_prev, W, b, stride, padding] = argsSchema.parse(c.args);
    const expected = tf.tensor4d(reference(A_prev, W, b, stride, padding) as number[][][][]);
    const kernel = tf.tensor4d(W);
    const bias = tf.tensor1d(b);
    const input = tf.tensor4d(A_prev);
    const layer = tf.layers.conv2d({
      filters: b.length,
      kernelSize: [W.length, W[0]!.length],
      strides: stride,
      padding,
      dataFormat: "channelsLast",
      useBias: true,
      inputShape: input.shape.slice(1),
    });
    tf.dispose(layer.apply(input) as tf.Tensor); // builds the layer's weights before setting them
    layer.setWeights([kernel, bias]);
    const got = layer.apply(input) as tf.Tensor;
    const sameShape = got.rank === expected.rank && got.shape.every((d, k) => d === expected.shape[k]);
    const error = sameShape ? tf.tidy(() => tf.max(tf.abs(tf.sub(got, expected))).arraySync() as number) : Infinity;
    tf.dispose([expected, kernel, bias, input, got]);
    layer.dispose();
    return { name: `tf.layers.conv2d with weights [W, b] vs reference: ${c.name}`, maxAbsError: error, tolerance: 1e-5 };
  });

export default crossCheck;
