/**
 * The oracle for `attention-weights`: the attention weights α<t,t'> and the context for one output step, as in
 * Andrew Ng's attention model (a small network Dense(n_e, tanh) → Dense(1, relu) scores each [s<t−1>, a<t'>];
 * softmax over t'), with TensorFlow.js ops. `tf.softmax` is the numerically stable softmax.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number());
const matrix = z.array(vector).min(1);
export const attentionArgsSchema = z.tuple([vector, matrix, matrix, vector, vector, z.number()]);

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [sPrev, a, W1, b1, w2, b2] = attentionArgsSchema.parse(args);
  return tf.tidy(() => {
    const annotations = tf.tensor2d(a); // Tx × n_a, row t' is a<t'>
    const tx = a.length;
    const repeated = tf.tile(tf.tensor2d([sPrev]), [tx, 1]); // s<t−1> next to every a<t'>
    const concat = tf.concat([repeated, annotations], 1); // Tx × (n_s + n_a)
    const hidden = tf.tanh(tf.add(tf.matMul(concat, tf.tensor2d(W1), false, true), tf.tensor1d(b1))); // Tx × n_e
    const energies = tf.relu(tf.add(tf.matMul(hidden, tf.tensor2d(w2, [w2.length, 1])), b2)).reshape([tx]);
    const alphas = tf.softmax(energies);
    const context = tf.matMul(alphas.reshape([1, tx]), annotations).reshape([-1]);
    return { alphas: alphas.arraySync() as number[], context: context.arraySync() as number[] };
  });
};

export default reference;
