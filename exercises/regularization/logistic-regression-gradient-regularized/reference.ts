/**
 * The oracle: TensorFlow.js differentiates the regularised cost automatically (tf.grads of
 * tf.losses.sigmoidCrossEntropy on the logits X·w + b, plus λ/(2m)·Σ w_j², b left out), so the reference never
 * restates the gradient the learner derives.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([
    z.array(z.array(z.number()).min(1)).min(1),
    z.array(z.union([z.literal(0), z.literal(1)])).min(1),
    z.array(z.number()).min(1),
    z.number(),
    z.number().nonnegative(),
  ])
  .refine(([X, y, w]) => X.length === y.length && X.every((row) => row.length === w.length), "X must be m×n with y of length m and w of length n");

const reference: ExerciseReference = (...args) => {
  const [X, y, w, b, lambda] = argsSchema.parse(args);
  const m = X.length;
  const features = tf.tensor2d(X);
  const labels = tf.tensor1d(y);
  const start = [tf.tensor1d(w), tf.scalar(b)];
  const cost = (weights: tf.Tensor, bias: tf.Tensor): tf.Scalar => {
    const logits = tf.matMul(features, weights.reshape([-1, 1])).reshape([-1]).add(bias);
    return tf.losses.sigmoidCrossEntropy(labels, logits).add(tf.sum(tf.square(weights)).mul(lambda / (2 * m))) as tf.Scalar;
  };
  const [dw, db] = tf.grads(cost)(start);
  const result = { dj_dw: dw!.arraySync() as number[], dj_db: db!.arraySync() as number };
  tf.dispose([features, labels, ...start, dw!, db!]);
  return result;
};

export default reference;
