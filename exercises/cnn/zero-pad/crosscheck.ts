/**
 * The reference pads with tf.pad; Keras's own layer, tf.layers.zeroPadding2d({ padding: pad }) with channels
 * last, must give the same batch (it pads height and width symmetrically, never the batch or channel axes).
 * The values are copies on a 1/8 grid, exact in float32, so the tolerance is 0.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [X, pad] = argsSchema.parse(c.args);
    const expected = tf.tensor4d(reference(X, pad) as number[][][][]);
    const layer = tf.layers.zeroPadding2d({ padding: pad, dataFormat: "channelsLast" });
    const input = tf.tensor4d(X);
    const got = layer.apply(input) as tf.Tensor;
    const sameShape = got.shape.every((d, k) => d === expected.shape[k]) && got.rank === expected.rank;
    const error = sameShape ? tf.tidy(() => tf.max(tf.abs(tf.sub(got, expected))).arraySync() as number) : Infinity;
    tf.dispose([expected, input, got]);
    return { name: `tf.layers.zeroPadding2d vs reference (tf.pad): ${c.name}`, maxAbsError: error, tolerance: 0 };
  });

export default crossCheck;
