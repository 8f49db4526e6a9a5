/**
 * The oracle for `gru-cell`: one step of the full GRU in the notes' (Andrew Ng's) convention, with
 * TensorFlow.js ops. Vectors are columns; every weight matrix multiplies the concatenation [c<t−1>, x<t>].
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number());
const matrix = z.array(vector);
export const gruArgsSchema = z.tuple([vector, vector, matrix, vector, matrix, vector, matrix, vector]);

export interface GruStepOutput {
  cNext: number[];
  gammaU: number[];
  gammaR: number[];
}

function column(values: number[]): tf.Tensor2D {
  return tf.tensor2d(values, [values.length, 1]);
}

/** c<t> (= a<t>) and both gates for one time step. */
export function gruStep(
  x: number[],
  cPrev: number[],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wr: number[][],
  br: number[],
): GruStepOutput {
  return tf.tidy(() => {
    const xt = column(x);
    const c = column(cPrev);
    const concat = tf.concat([c, xt], 0);
    const gammaU = tf.sigmoid(tf.add(tf.matMul(tf.tensor2d(Wu), concat), column(bu)));
    const gammaR = tf.sigmoid(tf.add(tf.matMul(tf.tensor2d(Wr), concat), column(br)));
    const relevant = tf.concat([tf.mul(gammaR, c), xt], 0);
    const cTilde = tf.tanh(tf.add(tf.matMul(tf.tensor2d(Wc), relevant), column(bc)));
    const cNext = tf.add(tf.mul(gammaU, cTilde), tf.mul(tf.sub(1, gammaU), c));
    const flat = (t: tf.Tensor): number[] => t.reshape([-1]).arraySync() as number[];
    return { cNext: flat(cNext), gammaU: flat(gammaU), gammaR: flat(gammaR) };
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [x, cPrev, Wc, bc, Wu, bu, Wr, br] = gruArgsSchema.parse(args);
  return { ...gruStep(x, cPrev, Wc, bc, Wu, bu, Wr, br) };
};

export default reference;
