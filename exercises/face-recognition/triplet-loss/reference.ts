/**
 * The oracle, with TensorFlow.js ops as in the course's programming assignment: squared distances by
 * tf.sum(tf.square(·), 1) over each row, the hinge max(·, 0) per triplet with tf.relu, then tf.sum over the batch.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z
  .tuple([matrix, matrix, matrix, z.number()])
  .refine(([a, p, n]) => a.length === p.length && a.length === n.length && [...p, ...n].every((row) => row.length === a[0]!.length), "anchor, positive and negative must all be m × d");

const reference: ExerciseReference = (...args) => {
  const [anchor, positive, negative, alpha] = argsSchema.parse(args);
  return tf.tidy(() => {
    const a = tf.tensor2d(anchor);
    const positiveDistance = tf.sum(tf.square(tf.sub(a, tf.tensor2d(positive))), 1);
    const negativeDistance = tf.sum(tf.square(tf.sub(a, tf.tensor2d(negative))), 1);
    const losses = tf.relu(tf.add(tf.sub(positiveDistance, negativeDistance), alpha));
    return tf.sum(losses).arraySync() as number;
  });
};

export default reference;
