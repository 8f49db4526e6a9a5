/**
 * The oracle: TensorFlow.js differentiates J(w,b) = ½ · mean squared error of X·w + b automatically
 * (tf.grads), so the reference never restates the gradient formula the learner is asked to derive.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const argsSchema = z.tuple([
  z.array(z.array(z.number()).min(1)).min(1),
  z.array(z.number()).min(1),
  z.array(z.number()).min(1),
  z.number(),
]);

const reference: ExerciseReference = (...args) => {
  const [X, y, w, b] = argsSchema.parse(args);
  const [dw, db] = tf.tidy(() => {
    const features = tf.tensor2d(X);
    const targets = tf.tensor1d(y);
    const cost = (weights: tf.Tensor, bias: tf.Tensor): tf.Tensor =>
      tf.losses.meanSquaredError(targets, tf.matMul(features, weights).reshape([-1]).add(bias)).div(tf.scalar(2));
    return tf.grads(cost)([tf.tensor2d(w, [w.length, 1]), tf.scalar(b)]);
  });
  const dj_dw = (dw!.arraySync() as number[][]).map((row) => row[0]!);
  const dj_db = db!.arraySync() as number;
  dw!.dispose();
  db!.dispose();
  return { dj_dw, dj_db };
};

export default reference;
