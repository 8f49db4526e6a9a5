/**
 * The oracle for gram-matrix, and the Gram helper the style-cost and nst-total-cost references reuse: the NHWC
 * activation [1, n_H, n_W, n_C] is reshaped to [n_H·n_W, n_C] (one row per position), transposed to
 * A = [n_C, n_H·n_W], and G = A Aᵀ with tf.matMul.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

/** One activation [1, n_H, n_W, n_C] (m = 1, as in the course assignment). */
export const activationSchema = z.array(z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1)).length(1);
export const argsSchema = z.tuple([activationSchema]);

/** The unrolled activation A = [n_C, n_H·n_W]: reshape to positions × channels first, then transpose. */
export function unroll(a: tf.Tensor4D): tf.Tensor2D {
  const [, nH, nW, nC] = a.shape;
  return tf.tidy(() => tf.transpose(tf.reshape(a, [nH * nW, nC])) as tf.Tensor2D);
}

/** The Gram (style) matrix G = A Aᵀ, [n_C, n_C], of one activation. */
export function gramTensor(a: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy(() => {
    const A = unroll(a);
    return tf.matMul(A, A, false, true);
  });
}

const reference: ExerciseReference = (...args) => {
  const [a] = argsSchema.parse(args);
  return tf.tidy(() => gramTensor(tf.tensor4d(a)).arraySync());
};

export default reference;
