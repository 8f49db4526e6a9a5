/**
 * TensorFlow's own style-transfer tutorial writes the Gram matrix as tf.einsum('bijc,bijd->bcd', a, a) (then
 * divides by the number of positions, which the course leaves to the style cost). The einsum never unrolls
 * anything, so it checks that the reference's reshape-then-transpose keeps each position's channels together.
 * Both sums are exact in float32 on the cases' 1/8 grid, hence 1e-6.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

export function maxAbsDifference(a: tf.Tensor, b: tf.Tensor): number {
  if (a.rank !== b.rank || a.shape.some((d, k) => d !== b.shape[k])) return Infinity;
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).arraySync() as number);
}

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [a] = argsSchema.parse(c.args);
    const error = tf.tidy(() => {
      const input = tf.tensor4d(a);
      const einsum = tf.squeeze(tf.einsum("bijc,bijd->bcd", input, input), [0]);
      return maxAbsDifference(einsum, tf.tensor2d(reference(a) as number[][]));
    });
    return { name: `tf.einsum('bijc,bijd->bcd') vs reference: ${c.name}`, maxAbsError: error, tolerance: 1e-6 };
  });

export default crossCheck;
