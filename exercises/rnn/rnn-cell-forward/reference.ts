/**
 * The oracle for `rnn-cell-forward`: one step of the basic RNN cell for a batch (rows are examples), with
 * TensorFlow.js ops. Row-wise, a<t> = tanh(a<t−1> W_aaᵀ + x<t> W_axᵀ + b_a) is the notes' column formula
 * applied to every example; tf.softmax runs over the last axis (the n_y outputs of each example).
 *
 * b_y is shifted by its largest entry in float64 before it enters TensorFlow.js: softmax is unchanged by a
 * common shift, and in the "logits near 1000" case float32 would otherwise round each logit to about 3e−5,
 * errors the softmax turns into relative errors of 1e−4 in ŷ — the whole tolerance.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const rnnCellArgsSchema = z.tuple([matrix, matrix, matrix, matrix, matrix, vector, vector]);

/** a<t> (m × n_a) from a<t−1> (m × n_a) and x<t> (m × n_x), as tensors. */
export function rnnActivation(x: tf.Tensor2D, aPrev: tf.Tensor2D, Waa: number[][], Wax: number[][], ba: number[]): tf.Tensor2D {
  return tf.tidy(
    () =>
      tf.tanh(tf.add(tf.add(tf.matMul(aPrev, tf.tensor2d(Waa), false, true), tf.matMul(x, tf.tensor2d(Wax), false, true)), tf.tensor1d(ba))) as tf.Tensor2D,
  );
}

/** ŷ<t> (m × n_y) = softmax over each row of a<t> W_yaᵀ + b_y, with b_y shifted by its max in float64. */
export function rnnOutput(a: tf.Tensor2D, Wya: number[][], by: number[]): tf.Tensor2D {
  const largest = Math.max(...by);
  return tf.tidy(() => tf.softmax(tf.add(tf.matMul(a, tf.tensor2d(Wya), false, true), tf.tensor1d(by.map((b) => b - largest)))) as tf.Tensor2D);
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [xt, aPrev, Waa, Wax, Wya, ba, by] = rnnCellArgsSchema.parse(args);
  return tf.tidy(() => {
    const aNext = rnnActivation(tf.tensor2d(xt), tf.tensor2d(aPrev), Waa, Wax, ba);
    const yHat = rnnOutput(aNext, Wya, by);
    return { aNext: aNext.arraySync() as number[][], yHat: yHat.arraySync() as number[][] };
  });
};

export default reference;
