/**
 * The oracle: λ₁·Σ|w| and λ₂·Σw² with TensorFlow.js ops; the L2 gradient by tf.grad. The L1 gradient is
 * λ₁·tf.sign(W): tf.grad of tf.abs would give −1 at w = 0 (tfjs differentiates |w| as step(w, −1)), while the
 * statement fixes the subgradient sign(0) = 0, the one that leaves a zero weight at zero. crosscheck.ts proves
 * the penalties equal tf.regularizers.l1l2, the class behind Keras's kernel_regularizer.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([z.array(z.array(z.number()).min(1)).min(1), z.number().nonnegative(), z.number().nonnegative()])
  .refine(([W]) => W.every((row) => row.length === W[0]!.length), "every row of W needs the same length");

const reference: ExerciseReference = (...args) => {
  const [W, lambda1, lambda2] = argsSchema.parse(args);
  const outputs = tf.tidy(() => {
    const weights = tf.tensor2d(W);
    const l2Penalty = (w: tf.Tensor): tf.Scalar => tf.sum(tf.square(w)).mul(lambda2);
    return [tf.sum(tf.abs(weights)).mul(lambda1), l2Penalty(weights), tf.sign(weights).mul(lambda1), tf.grad(l2Penalty)(weights)];
  });
  const [l1, l2, dl1_dW, dl2_dW] = outputs.map((t) => t.arraySync());
  tf.dispose(outputs);
  return { l1: l1 as number, l2: l2 as number, dl1_dW: dl1_dW as number[][], dl2_dW: dl2_dW as number[][] };
};

export default reference;
