/**
 * The oracle for `inverted-dropout`: the mask is tf.less(U, keep_prob) and the kept activations are divided
 * by keep_prob with tf ops, the scaling tf.dropout applies (crosscheck.ts shows it on tf.dropout itself).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z
  .tuple([matrix, matrix, z.number().gt(0).lte(1)])
  .refine(([A, U]) => A.length === U.length && A.every((row, i) => row.length === U[i]!.length), "A and U must have the same shape")
  .refine(([, U]) => U.every((row) => row.every((u) => u >= 0 && u < 1)), "U holds uniform draws in [0, 1)");

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [A, U, keepProb] = argsSchema.parse(args);
  return tf.tidy(() => {
    const mask = tf.cast(tf.less(tf.tensor2d(U), tf.scalar(keepProb)), "float32");
    const dropped = tf.div(tf.mul(tf.tensor2d(A), mask), tf.scalar(keepProb));
    return { D: mask.arraySync() as number[][], A: dropped.arraySync() as number[][] };
  });
};

export default reference;
