/**
 * The oracle for `attention-weights`: the attention weights α<t,t'> and the context for one output step, as in
 * Andrew Ng's attention model (a small network Dense(n_e, tanh) → Dense(1, relu) scores each [s<t−1>, a<t'>];
 * softmax over t'), with TensorFlow.js ops. `tf.softmax` is the numerically stable softmax.
 *
 * One step runs in float64 beside TensorFlow.js: adding b2 to the scores, the ReLU, and subtracting the largest
 * energy. With energies near 1000 (the "large energies" case) float32 keeps only about 6e−5 of each energy, and
 * the softmax turns that rounding into errors of 1e−5 in the context, a fifth of the tolerance; in float64 the
 * shifted energies are small numbers float32 holds well, and the softmax is unchanged by the shift.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number());
const matrix = z.array(vector).min(1);
export const attentionArgsSchema = z.tuple([vector, matrix, matrix, vector, vector, z.number()]);

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [sPrev, a, W1, b1, w2, b2] = attentionArgsSchema.parse(args);
  const tx = a.length;
  const scores = tf.tidy(() => {
    const repeated = tf.tile(tf.tensor2d([sPrev]), [tx, 1]); // s<t−1> next to every a<t'>
    const concat = tf.concat([repeated, tf.tensor2d(a)], 1); // Tx × (n_s + n_a), row t' is [s<t−1>, a<t'>]
    const hidden = tf.tanh(tf.add(tf.matMul(concat, tf.tensor2d(W1), false, true), tf.tensor1d(b1))); // Tx × n_e
    return tf.matMul(hidden, tf.tensor2d(w2, [w2.length, 1])).reshape([tx]).arraySync() as number[];
  });
  const energies = scores.map((score) => Math.max(0, score + b2)); // Dense(1, relu), in float64
  const largest = Math.max(...energies);
  return tf.tidy(() => {
    const alphas = tf.softmax(tf.tensor1d(energies.map((e) => e - largest)));
    const context = tf.matMul(alphas.reshape([1, tx]), tf.tensor2d(a)).reshape([-1]);
    return { alphas: alphas.arraySync() as number[], context: context.arraySync() as number[] };
  });
};

export default reference;
