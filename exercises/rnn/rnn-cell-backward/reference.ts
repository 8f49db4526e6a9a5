/**
 * The oracle for `rnn-cell-backward`: tf.grads differentiates J = Σ daNext ⊙ a<t>, where
 * a<t> = tanh(a<t−1> W_aaᵀ + x<t> W_axᵀ + b_a) is the cell's forward step with rows as examples (the notes'
 * column formula applied to every example). The gradient of J with respect to a<t> is daNext, so tf.grads returns
 * exactly the cell's backward pass for that upstream gradient, and the reference never states the formula.
 * crosscheck.ts differentiates one step of tf.layers.simpleRNN instead.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const argsSchema = z.tuple([matrix, matrix, matrix, matrix, matrix, vector]);

export interface CellGradients {
  dxt: number[][];
  daPrev: number[][];
  dWax: number[][];
  dWaa: number[][];
  dba: number[];
}

export function rnnCellBackwardReference(
  daNext: number[][],
  xt: number[][],
  aPrev: number[][],
  Waa: number[][],
  Wax: number[][],
  ba: number[],
): CellGradients {
  const grads = tf.tidy(() => {
    const upstream = tf.tensor2d(daNext);
    const objective = (x: tf.Tensor, a: tf.Tensor, recurrent: tf.Tensor, input: tf.Tensor, bias: tf.Tensor): tf.Tensor => {
      const z = tf.add(tf.add(tf.matMul(a as tf.Tensor2D, recurrent as tf.Tensor2D, false, true), tf.matMul(x as tf.Tensor2D, input as tf.Tensor2D, false, true)), bias);
      return tf.sum(tf.mul(tf.tanh(z), upstream));
    };
    return tf.grads(objective)([tf.tensor2d(xt), tf.tensor2d(aPrev), tf.tensor2d(Waa), tf.tensor2d(Wax), tf.tensor1d(ba)]);
  });
  const [dxt, daPrev, dWaa, dWax, dba] = grads.map((g) => g.arraySync());
  tf.dispose(grads);
  return {
    dxt: dxt as number[][],
    daPrev: daPrev as number[][],
    dWax: dWax as number[][],
    dWaa: dWaa as number[][],
    dba: dba as number[],
  };
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [daNext, xt, aPrev, Waa, Wax, ba] = argsSchema.parse(args);
  return { ...rnnCellBackwardReference(daNext, xt, aPrev, Waa, Wax, ba) };
};

export default reference;
