/**
 * The oracle for `bidirectional-rnn-output`: two basic RNN passes over each sequence with TensorFlow.js ops
 * (`rnn-cell-forward`'s `rnnActivation`, on the slice x[:, t, :] of every sequence at once) — the forward one
 * from a→<0> = 0 over t = 1 … T_x, the backward one from a←<T_x+1> = 0 over t = T_x … 1, each a<t> stored at
 * its own t — then ŷ<t> = softmax(W_y [a→<t>; a←<t>] + b_y) with `rnnOutput` (b_y shifted by its max in
 * float64, as there). crosscheck.ts compares the activations with `tf.layers.bidirectional` (mergeMode
 * "concat") wrapping `tf.layers.simpleRNN`, and ŷ with a softmax `tf.layers.dense` on the layer's output.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";
import { rnnActivation, rnnOutput } from "../../rnn/rnn-cell-forward/reference";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const bidirectionalArgsSchema = z.tuple([z.array(matrix).min(1), matrix, matrix, vector, matrix, matrix, vector, matrix, vector]);

export interface BidirectionalOutput {
  aForward: number[][][];
  aBackward: number[][][];
  yHat: number[][][];
}

export function bidirectionalReference(
  x: number[][][],
  WaaF: number[][],
  WaxF: number[][],
  baF: number[],
  WaaB: number[][],
  WaxB: number[][],
  baB: number[],
  Wy: number[][],
  by: number[],
): BidirectionalOutput {
  return tf.tidy(() => {
    const input = tf.tensor3d(x); // m × T_x × n_x
    const [m, steps, nx] = input.shape;
    const slice = (t: number) => input.slice([0, t, 0], [m, 1, nx]).reshape([m, nx]) as tf.Tensor2D;
    /** a<t> for every t (index t − 1), visiting the steps in the given order from a zero state. */
    const pass = (order: number[], Waa: number[][], Wax: number[][], ba: number[]): tf.Tensor2D[] => {
      const states = new Array<tf.Tensor2D>(steps);
      let state = tf.zeros([m, ba.length]) as tf.Tensor2D;
      for (const t of order) {
        state = rnnActivation(slice(t), state, Waa, Wax, ba);
        states[t] = state;
      }
      return states;
    };
    const forwardOrder = Array.from({ length: steps }, (_, t) => t);
    const forward = pass(forwardOrder, WaaF, WaxF, baF);
    const backward = pass([...forwardOrder].reverse(), WaaB, WaxB, baB);
    const outputs = forward.map((aF, t) => rnnOutput(tf.concat([aF, backward[t]!], 1), Wy, by));
    return {
      aForward: tf.stack(forward, 1).arraySync() as number[][][],
      aBackward: tf.stack(backward, 1).arraySync() as number[][][],
      yHat: tf.stack(outputs, 1).arraySync() as number[][][],
    };
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [x, WaaF, WaxF, baF, WaaB, WaxB, baB, Wy, by] = bidirectionalArgsSchema.parse(args);
  return { ...bidirectionalReference(x, WaaF, WaxF, baF, WaaB, WaxB, baB, Wy, by) };
};

export default reference;
