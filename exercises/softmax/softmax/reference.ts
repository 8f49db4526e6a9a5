/**
 * The oracle: tf.softmax, which shifts by the maximum before exponentiating. tf.softmax works along the last
 * axis only, so for axis 0 (one example per column) the reference transposes, applies it and transposes back;
 * crosscheck.ts proves that convention against a log-sum-exp computed along the axis itself.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([z.array(z.array(z.number()).min(1)).min(1), z.union([z.literal(0), z.literal(1)])])
  .refine(([Z]) => Z.every((row) => row.length === Z[0]!.length), "every row of Z needs the same length");

const reference: ExerciseReference = (...args) => {
  const [Z, axis] = argsSchema.parse(args);
  const probabilities = tf.tidy(() => {
    const logits = tf.tensor2d(Z);
    return axis === 1 ? tf.softmax(logits) : tf.transpose(tf.softmax(tf.transpose(logits)));
  });
  const value = probabilities.arraySync() as number[][];
  probabilities.dispose();
  return value;
};

export default reference;
