/**
 * The oracle: tf.moments over the examples' axis gives μ and the population variance, tf.min/tf.max the range;
 * the decimal exponent is counted as j = #{p ≥ 0 : max|x| ≥ 10^p} (a comparison against a row of powers of
 * ten, exact in float32 up to 10^10, so an exact power of ten lands on the right side). A zero divisor is
 * replaced by 1 with tf.where.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const methods = ["mean", "z-score", "min-max", "decimal"] as const;

export const argsSchema = z
  .tuple([z.array(z.array(z.number()).min(1)).min(1), z.enum(methods), z.number(), z.number()])
  .refine(([X]) => X.every((row) => row.length === X[0]!.length), "every row of X needs the same number of features");

/** 10^0 … 10^10: every power is exact in float32, and larger features never appear in the cases. */
const powersOfTen = Array.from({ length: 11 }, (_, p) => 10 ** p);

const reference: ExerciseReference = (...args) => {
  const [X, method, newMin, newMax] = argsSchema.parse(args);
  const outputs = tf.tidy(() => {
    const x = tf.tensor2d(X);
    const { mean, variance } = tf.moments(x, 0);
    const sigma = tf.sqrt(variance);
    const min = tf.min(x, 0);
    const max = tf.max(x, 0);
    const orOne = (d: tf.Tensor): tf.Tensor => tf.where(tf.equal(d, 0), tf.onesLike(d), d);
    const range = orOne(tf.sub(max, min));
    const largest = tf.max(tf.abs(x), 0);
    const j = tf.sum(tf.cast(tf.greaterEqual(largest.expandDims(1), tf.tensor2d(powersOfTen, [1, powersOfTen.length])), "int32"), 1);
    let scaled: tf.Tensor;
    if (method === "mean") scaled = tf.div(tf.sub(x, mean), range);
    else if (method === "z-score") scaled = tf.div(tf.sub(x, mean), orOne(sigma));
    else if (method === "min-max") scaled = tf.div(tf.sub(x, min), range).mul(newMax - newMin).add(newMin);
    else scaled = tf.div(x, tf.pow(tf.scalar(10), tf.cast(j, "float32")));
    return [scaled, mean, sigma, min, max, j];
  });
  const [scaled, mu, sigma, min, max, j] = outputs.map((t) => t.arraySync());
  for (const t of outputs) t.dispose();
  return { scaled, mu, sigma, min, max, j } as ReturnType<ExerciseReference>;
};

export default reference;
