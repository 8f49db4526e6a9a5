/**
 * The oracle for `lstm-cell`: one LSTM step in the notes' (Andrew Ng's) notation with TensorFlow.js ops,
 * teaching the standard a<t> = Γo * tanh(c<t>) (the notes write Γo × c<t>, a slip). Vectors are columns;
 * every weight matrix multiplies the concatenation [a<t−1>, x<t>].
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number());
const matrix = z.array(vector);
export const lstmArgsSchema = z.tuple([vector, vector, vector, matrix, vector, matrix, vector, matrix, vector, matrix, vector]);

export interface LstmStepOutput {
  aNext: number[];
  cNext: number[];
}

function column(values: number[]): tf.Tensor2D {
  return tf.tensor2d(values, [values.length, 1]);
}

export function lstmStep(
  x: number[],
  aPrev: number[],
  cPrev: number[],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wf: number[][],
  bf: number[],
  Wo: number[][],
  bo: number[],
): LstmStepOutput {
  return tf.tidy(() => {
    const concat = tf.concat([column(aPrev), column(x)], 0);
    const affine = (W: number[][], b: number[]) => tf.add(tf.matMul(tf.tensor2d(W), concat), column(b));
    const cTilde = tf.tanh(affine(Wc, bc));
    const gammaU = tf.sigmoid(affine(Wu, bu));
    const gammaF = tf.sigmoid(affine(Wf, bf));
    const gammaO = tf.sigmoid(affine(Wo, bo));
    const cNext = tf.add(tf.mul(gammaU, cTilde), tf.mul(gammaF, column(cPrev)));
    const aNext = tf.mul(gammaO, tf.tanh(cNext));
    const flat = (t: tf.Tensor): number[] => t.reshape([-1]).arraySync() as number[];
    return { aNext: flat(aNext), cNext: flat(cNext) };
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [x, aPrev, cPrev, Wc, bc, Wu, bu, Wf, bf, Wo, bo] = lstmArgsSchema.parse(args);
  return { ...lstmStep(x, aPrev, cPrev, Wc, bc, Wu, bu, Wf, bf, Wo, bo) };
};

export default reference;
