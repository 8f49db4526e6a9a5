/**
 * The reference reads shapes and parameter counts off tf.layers. This check runs the ops themselves: a zero
 * image batch [1, n_H, n_W, n_C] through tf.conv2d (filter [f, f, c_in, c_out]), tf.maxPool or tf.avgPool with
 * the same stride and padding, layer after layer, and compares the shapes of the tensors that come out, and
 * compares each convolution's parameter count with the sizes of a real filter and bias, f·f·c_in·c_out + c_out.
 * Shapes and counts are integers, so the tolerance is 0.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [inputShape, layers] = argsSchema.parse(c.args);
    const expected = reference(inputShape, layers) as { shapes: number[][]; params: number[] };
    let error = 0;
    let x = tf.zeros([1, ...inputShape]) as tf.Tensor4D;
    layers.forEach((layer, l) => {
      const channels = x.shape[3];
      let next: tf.Tensor4D;
      let params = 0;
      if (layer.kind === "conv") {
        const filter = tf.zeros([layer.f, layer.f, channels, layer.filters]) as tf.Tensor4D;
        const bias = tf.zeros([layer.filters]);
        next = tf.conv2d(x, filter, layer.s, layer.padding);
        params = filter.size + bias.size;
        filter.dispose();
        bias.dispose();
      } else {
        const op = layer.kind === "maxpool" ? tf.maxPool : tf.avgPool;
        next = op(x, layer.f, layer.s, layer.padding);
      }
      x.dispose();
      x = next;
      const shape = x.shape.slice(1);
      const want = expected.shapes[l]!;
      error = Math.max(error, ...shape.map((d, k) => Math.abs(d - want[k]!)), Math.abs(params - expected.params[l]!));
    });
    x.dispose();
    return { name: `tf.conv2d / tf.maxPool / tf.avgPool shapes and filter sizes vs reference: ${c.name}`, maxAbsError: error, tolerance: 0 };
  });

export default crossCheck;
