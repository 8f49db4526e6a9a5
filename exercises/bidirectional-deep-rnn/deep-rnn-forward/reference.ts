/**
 * The oracle for `deep-rnn-forward`: L stacked basic RNN layers in the notes' form
 * a[l]<t> = tanh(W_a[l] [a[l]<t−1>; a[l−1]<t>] + b_a[l]), a[0]<t> = x<t>, a[l]<0> = 0, with TensorFlow.js ops on
 * the slice x[:, t, :] of every sequence at once (rows are examples, so the product is [a[l]<t−1>, a[l−1]<t>]
 * W_a[l]ᵀ). crosscheck.ts compares every layer's activations with a stack of `tf.layers.simpleRNN`
 * (returnSequences), whose kernel and recurrent kernel are the two column blocks of W_a[l], transposed.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const deepRnnArgsSchema = z.tuple([z.array(matrix).min(1), z.array(matrix).min(1), z.array(vector).min(1)]);

/** Every layer's activations: result[l − 1][i][t − 1] = a[l]<t> of sequence i (L × m × T_x × n_a[l]). */
export function deepRnnReference(x: number[][][], Wa: number[][][], ba: number[][]): number[][][][] {
  return tf.tidy(() => {
    let below = tf.tensor3d(x); // a[0] = x: m × T_x × n_x
    const layers: number[][][][] = [];
    Wa.forEach((W, l) => {
      const [m, steps, width] = below.shape;
      const weights = tf.tensor2d(W);
      const bias = tf.tensor1d(ba[l]!);
      let state = tf.zeros([m, ba[l]!.length]) as tf.Tensor2D; // a[l]<0> = 0, for this layer alone
      const states: tf.Tensor2D[] = [];
      for (let t = 0; t < steps; t++) {
        const fromBelow = below.slice([0, t, 0], [m, 1, width]).reshape([m, width]);
        state = tf.tanh(tf.add(tf.matMul(tf.concat([state, fromBelow], 1), weights, false, true), bias)) as tf.Tensor2D;
        states.push(state);
      }
      below = tf.stack(states, 1) as tf.Tensor3D;
      layers.push(below.arraySync());
    });
    return layers;
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [x, Wa, ba] = deepRnnArgsSchema.parse(args);
  return { a: deepRnnReference(x, Wa, ba) };
};

export default reference;
