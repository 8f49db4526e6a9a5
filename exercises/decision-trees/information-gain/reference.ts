/**
 * The oracle: class counts per branch from tf.oneHot masks, proportions by tf.divNoNan (an empty branch gets
 * proportions 0 and so entropy 0, and its weight is 0 anyway), entropies by the `entropy` exercise's
 * TensorFlow.js computation, and the gain H(node) − Σ_branch (n_branch / m)·H(branch).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";
import { entropyBits } from "../entropy/reference";

export const argsSchema = z
  .tuple([z.array(z.number().int().nonnegative()).min(1), z.array(z.boolean()).min(1)])
  .refine(([y, goesLeft]) => y.length === goesLeft.length, "y and goesLeft need one entry per example");

const reference: ExerciseReference = (...args) => {
  const [y, goesLeft] = argsSchema.parse(args);
  const classes = Math.max(...y) + 1;
  const gain = tf.tidy(() => {
    const oneHot = tf.cast(tf.oneHot(tf.tensor1d(y, "int32"), classes), "float32"); // m × K
    const left = tf.tensor2d(goesLeft.map((g) => [g ? 1 : 0])); // m × 1
    const right = tf.sub(1, left);
    const counts = tf.stack([tf.sum(oneHot, 0), tf.sum(tf.mul(oneHot, left), 0), tf.sum(tf.mul(oneHot, right), 0)]) as tf.Tensor2D; // node, left, right × K
    const sizes = tf.sum(counts, 1, true); // 3 × 1
    const H = entropyBits(tf.divNoNan(counts, sizes) as tf.Tensor2D); // 3
    const weights = tf.div(tf.squeeze(sizes, [1]), y.length); // 1, w_left, w_right
    const [hNode, hLeft, hRight] = tf.unstack(H);
    const [, wLeft, wRight] = tf.unstack(weights);
    return tf.sub(hNode!, tf.add(tf.mul(wLeft!, hLeft!), tf.mul(wRight!, hRight!)));
  });
  const value = gain.arraySync() as number;
  gain.dispose();
  return value;
};

export default reference;
