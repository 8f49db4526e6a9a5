/**
 * The oracle: TensorFlow.js differentiates J(w,b) = ½·mean squared error + λ/(2m)·Σ w_j² (tf.grads), and one step
 * of tf.train.sgd(α) applied to variables holding w and b gives the next parameters — plain w − α·∂J/∂w, which the
 * statement's weight-decay form rearranges. Neither restates the formulas the learner derives.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([
    z.array(z.array(z.number()).min(1)).min(1),
    z.array(z.number()).min(1),
    z.array(z.number()).min(1),
    z.number(),
    z.number().nonnegative(),
    z.number().positive(),
  ])
  .refine(([X, y, w]) => X.length === y.length && X.every((row) => row.length === w.length), "X must be m×n with y of length m and w of length n");

const reference: ExerciseReference = (...args) => {
  const [X, y, w, b, lambda, alpha] = argsSchema.parse(args);
  const m = X.length;
  const features = tf.tensor2d(X);
  const targets = tf.tensor1d(y);
  const cost = (weights: tf.Tensor, bias: tf.Tensor): tf.Scalar =>
    tf.tidy(() => {
      const predictions = tf.matMul(features, weights.reshape([-1, 1])).reshape([-1]).add(bias);
      const squaredError = tf.losses.meanSquaredError(targets, predictions).div(2);
      return squaredError.add(tf.sum(tf.square(weights)).mul(lambda / (2 * m))) as tf.Scalar;
    });
  const start = [tf.tensor1d(w), tf.scalar(b)];
  const [dw, db] = tf.grads(cost)(start);
  const weights = tf.variable(tf.tensor1d(w));
  const bias = tf.variable(tf.scalar(b));
  tf.train.sgd(alpha).minimize(() => cost(weights, bias), false, [weights, bias]);
  const result = {
    dj_dw: dw!.arraySync() as number[],
    dj_db: db!.arraySync() as number,
    w_next: weights.arraySync() as number[],
    b_next: bias.arraySync() as number,
  };
  tf.dispose([features, targets, ...start, dw!, db!, weights, bias]);
  return result;
};

export default reference;
