/**
 * The reference is tf.maxPool / tf.avgPool; Keras's layers, tf.layers.maxPooling2d and averagePooling2d with
 * channels last and the same pool size, strides and padding, must give the same output — including 'same'
 * averages divided by the number of input values in the window. Averages of 1/8-grid values are rounded once in
 * float32, hence 1e-5.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

function maxAbs(a: tf.Tensor, b: tf.Tensor): number {
  if (a.rank !== b.rank || a.shape.some((d, k) => d !== b.shape[k])) return Infinity;
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).arraySync() as number);
}

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [A_prev, f, stride, mode, padding] = argsSchema.parse(c.args);
    const expected = tf.tensor4d(reference(A_prev, f, stride, mode, padding) as number[][][][]);
    const options = { poolSize: f, strides: stride, padding, dataFormat: "channelsLast" as const };
    const layer = mode === "max" ? tf.layers.maxPooling2d(options) : tf.layers.averagePooling2d(options);
    const input = tf.tensor4d(A_prev);
    const got = layer.apply(input) as tf.Tensor;
    const error = maxAbs(got, expected);
    tf.dispose([expected, input, got]);
    return { name: `tf.layers.${mode === "max" ? "maxPooling2d" : "averagePooling2d"} vs reference: ${c.name}`, maxAbsError: error, tolerance: 1e-5 };
  });

export default crossCheck;
