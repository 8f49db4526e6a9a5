/**
 * The oracle for `mini-batches`: tf.gather along axis 1 (the examples) shuffles X and Y with the permutation, and
 * tf.split cuts the shuffled tensors into ⌊m / size⌋ batches of `size` columns plus one of m mod size. Inputs sit
 * on a 1/8 grid, so float32 holds them exactly and the comparison can be exact.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z
  .tuple([matrix, matrix, z.array(z.number().int().nonnegative()).min(1), z.number().int().positive()])
  .refine(([X, Y, permutation]) => X[0]!.length === permutation.length && Y[0]!.length === permutation.length, "X, Y and the permutation must cover the same m examples")
  .refine(([, , permutation]) => [...permutation].sort((a, b) => a - b).every((v, i) => v === i), "permutation must hold 0 … m − 1 once each");

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [X, Y, permutation, size] = argsSchema.parse(args);
  const m = permutation.length;
  const sizes = [...new Array<number>(Math.floor(m / size)).fill(size), ...(m % size ? [m % size] : [])];
  return tf.tidy(() => {
    const order = tf.tensor1d(permutation, "int32");
    const batchesX = tf.split(tf.gather(tf.tensor2d(X), order, 1), sizes, 1);
    const batchesY = tf.split(tf.gather(tf.tensor2d(Y), order, 1), sizes, 1);
    return batchesX.map((bx, i) => ({ X: bx.arraySync() as number[][], Y: batchesY[i]!.arraySync() as number[][] }));
  });
};

export default reference;
