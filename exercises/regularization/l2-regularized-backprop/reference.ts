/**
 * The oracle for `l2-regularized-backprop`: tf.grads differentiates the regularised cost
 *   J = mean sigmoid cross-entropy (tf.losses.sigmoidCrossEntropy, from the logits Z[2]) + λ/(2m)·Σ_l ‖W[l]‖²
 * of the two-layer ReLU/sigmoid network, in Ng's column convention; no backward formula is written here.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z.tuple([matrix, matrix, matrix, matrix, matrix, matrix, z.number().nonnegative()]);

export interface Gradients {
  dW1: number[][];
  db1: number[][];
  dW2: number[][];
  db2: number[][];
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [X, Y, W1, b1, W2, b2, lambda] = argsSchema.parse(args);
  const m = X[0]!.length;
  return tf.tidy(() => {
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(Y);
    const cost = (w1: tf.Tensor, c1: tf.Tensor, w2: tf.Tensor, c2: tf.Tensor): tf.Scalar => {
      const A1 = tf.relu(tf.add(tf.matMul(w1 as tf.Tensor2D, x), c1));
      const Z2 = tf.add(tf.matMul(w2 as tf.Tensor2D, A1), c2);
      const crossEntropy = tf.losses.sigmoidCrossEntropy(y, Z2);
      const penalty = tf.mul(tf.scalar(lambda / (2 * m)), tf.add(tf.sum(tf.square(w1)), tf.sum(tf.square(w2))));
      return tf.add(crossEntropy, penalty) as tf.Scalar;
    };
    const [dW1, db1, dW2, db2] = tf.grads(cost)([tf.tensor2d(W1), tf.tensor2d(b1), tf.tensor2d(W2), tf.tensor2d(b2)]);
    const plain = (t: tf.Tensor | undefined): number[][] => t!.arraySync() as number[][];
    const gradients: Gradients = { dW1: plain(dW1), db1: plain(db1), dW2: plain(dW2), db2: plain(db2) };
    return { ...gradients };
  });
};

export default reference;
