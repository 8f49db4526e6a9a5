/**
 * The oracle for `dropout-backward`: TensorFlow.js differentiates the forward pass A ↦ A · D / keep_prob
 * (tf.grad with the upstream gradient dA as dy), so the reference never writes the backward rule itself.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z
  .tuple([matrix, matrix, z.number().gt(0).lte(1)])
  .refine(([dA, D]) => dA.length === D.length && dA.every((row, i) => row.length === D[i]!.length), "dA and D must have the same shape")
  .refine(([, D]) => D.every((row) => row.every((d) => d === 0 || d === 1)), "D is a 0/1 mask");

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [dA, D, keepProb] = argsSchema.parse(args);
  return tf.tidy(() => {
    const mask = tf.tensor2d(D);
    const forward = (A: tf.Tensor): tf.Tensor => tf.div(tf.mul(A, mask), tf.scalar(keepProb));
    // The forward pass is linear, so the point A where it is differentiated does not matter.
    const gradient = tf.grad(forward)(tf.zerosLike(mask), tf.tensor2d(dA));
    return gradient.arraySync() as number[][];
  });
};

export default reference;
