/**
 * The oracle for content-cost, and the content-cost helper nst-total-cost's reference reuses:
 * J_content = Σ (a_C − a_G)² / (4·n_H·n_W·n_C) with tf.squaredDifference and tf.sum (the programming
 * assignment's normalisation).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";
import { activationSchema } from "../gram-matrix/reference";

export const argsSchema = z.tuple([activationSchema, activationSchema]);

/** Two activations of one layer must have the same shape [1, n_H, n_W, n_C]. */
export function assertSameShape(a: tf.Tensor, b: tf.Tensor, what: string): void {
  if (a.shape.join(",") !== b.shape.join(",")) throw new Error(`${what}: shapes [${a.shape.join(", ")}] and [${b.shape.join(", ")}] differ`);
}

/** J_content of one layer, a scalar tensor. */
export function contentCostTensor(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  assertSameShape(aC, aG, "a_C and a_G");
  const [, nH, nW, nC] = aC.shape;
  return tf.tidy(() => tf.div(tf.sum(tf.squaredDifference(aC, aG)), 4 * nH * nW * nC));
}

const reference: ExerciseReference = (...args) => {
  const [a_C, a_G] = argsSchema.parse(args);
  return tf.tidy(() => contentCostTensor(tf.tensor4d(a_C), tf.tensor4d(a_G)).arraySync());
};

export default reference;
