/**
 * The oracle for `mlp-backprop`: the gradients of the mean binary cross-entropy cost of a two-layer network
 * (tanh hidden layer, sigmoid output), in Ng's column convention, computed by TensorFlow.js's automatic
 * differentiation of the forward pass (`tf.grads`), never by hand-written backprop formulas.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const mlpArgsSchema = z.tuple([matrix, matrix, matrix, matrix, matrix, matrix]);

/** J = (1/m) Σ_i L(a[2](i), y(i)), written from the logits Z[2] so float32 stays finite when A[2] saturates. */
function meanCrossEntropy(Z2: tf.Tensor2D, Y: tf.Tensor2D): tf.Scalar {
  // max(z, 0) − z·y + log(1 + e^(−|z|)) equals −y·log σ(z) − (1 − y)·log(1 − σ(z)).
  const perExample = tf.add(tf.sub(tf.relu(Z2), tf.mul(Z2, Y)), tf.log1p(tf.exp(tf.neg(tf.abs(Z2)))));
  return tf.mean(perExample);
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [X, Y, W1, b1, W2, b2] = mlpArgsSchema.parse(args);
  return tf.tidy(() => {
    const x = tf.tensor2d(X); // n_x × m, one example per column
    const y = tf.tensor2d(Y); // 1 × m
    const cost = (w1: tf.Tensor, c1: tf.Tensor, w2: tf.Tensor, c2: tf.Tensor): tf.Scalar => {
      const A1 = tf.tanh(tf.add(tf.matMul(w1 as tf.Tensor2D, x), c1)); // Z[1] = W[1]X + b[1]
      const Z2 = tf.add(tf.matMul(w2 as tf.Tensor2D, A1), c2) as tf.Tensor2D; // Z[2] = W[2]A[1] + b[2]
      return meanCrossEntropy(Z2, y);
    };
    const [dW1, db1, dW2, db2] = tf.grads(cost)([tf.tensor2d(W1), tf.tensor2d(b1), tf.tensor2d(W2), tf.tensor2d(b2)]);
    const plain = (t: tf.Tensor | undefined): number[][] => t!.arraySync() as number[][];
    return { dW1: plain(dW1), db1: plain(db1), dW2: plain(dW2), db2: plain(db2) };
  });
};

export default reference;
