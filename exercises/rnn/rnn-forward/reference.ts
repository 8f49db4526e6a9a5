/**
 * The oracle for `rnn-forward`: the basic RNN over whole sequences with TensorFlow.js ops, one time step at a
 * time (the step ops of `rnn-cell-forward`'s reference, applied to the slice x[:, t, :] of every sequence at
 * once), from a<0> = 0. crosscheck.ts compares a with `tf.layers.simpleRNN` (returnSequences).
 * As there, b_y is shifted by its largest entry in float64 before the softmax (the "logits near ±1000" case).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";
import { rnnActivation, rnnOutput } from "../rnn-cell-forward/reference";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const rnnForwardArgsSchema = z.tuple([z.array(matrix).min(1), matrix, matrix, matrix, vector, vector]);

export function rnnForwardReference(
  x: number[][][],
  Waa: number[][],
  Wax: number[][],
  Wya: number[][],
  ba: number[],
  by: number[],
): { a: number[][][]; yHat: number[][][] } {
  return tf.tidy(() => {
    const input = tf.tensor3d(x); // m × T_x × n_x
    const [m, steps, nx] = input.shape;
    let state = tf.zeros([m, ba.length]) as tf.Tensor2D; // a<0> = 0
    const states: tf.Tensor2D[] = [];
    const outputs: tf.Tensor2D[] = [];
    for (let t = 0; t < steps; t++) {
      const xt = input.slice([0, t, 0], [m, 1, nx]).reshape([m, nx]) as tf.Tensor2D;
      state = rnnActivation(xt, state, Waa, Wax, ba);
      states.push(state);
      outputs.push(rnnOutput(state, Wya, by));
    }
    return {
      a: tf.stack(states, 1).arraySync() as number[][][],
      yHat: tf.stack(outputs, 1).arraySync() as number[][][],
    };
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [x, Waa, Wax, Wya, ba, by] = rnnForwardArgsSchema.parse(args);
  return rnnForwardReference(x, Waa, Wax, Wya, ba, by);
};

export default reference;
