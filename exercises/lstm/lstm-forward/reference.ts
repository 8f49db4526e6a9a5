/**
 * The oracle for `lstm-forward`: the LSTM of the notes' (Ng's) notation, with the standard
 * a<t> = Γo * tanh(c<t>), over m sequences from a<0> = c<0> = 0, with TensorFlow.js ops: `lstm-cell`'s step
 * (`lstmStep`) applied to x<1>, …, x<T_x> in turn. crosscheck.ts compares every a<t> and the last c with
 * `tf.layers.lstm` (returnSequences, returnState).
 */
import { z } from "zod";
import type { ExerciseReference, Json } from "../../schema";
import { lstmStep } from "../lstm-cell/reference";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const lstmForwardArgsSchema = z.tuple([z.array(matrix).min(1), matrix, vector, matrix, vector, matrix, vector, matrix, vector]);

export interface LstmForwardOutput {
  /** m × T_x × n_a: a<1>, …, a<T_x> of every sequence. */
  a: number[][][];
  /** m × n_a: c<T_x> of every sequence. */
  cLast: number[][];
}

export function lstmForwardReference(
  x: number[][][],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wf: number[][],
  bf: number[],
  Wo: number[][],
  bo: number[],
): LstmForwardOutput {
  const a: number[][][] = [];
  const cLast: number[][] = [];
  for (const sequence of x) {
    let state = { aNext: bc.map(() => 0), cNext: bc.map(() => 0) }; // a<0> = c<0> = 0
    const activations: number[][] = [];
    for (const xt of sequence) {
      state = lstmStep(xt, state.aNext, state.cNext, Wc, bc, Wu, bu, Wf, bf, Wo, bo);
      activations.push(state.aNext);
    }
    a.push(activations);
    cLast.push(state.cNext);
  }
  return { a, cLast };
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [x, Wc, bc, Wu, bu, Wf, bf, Wo, bo] = lstmForwardArgsSchema.parse(args);
  return { ...lstmForwardReference(x, Wc, bc, Wu, bu, Wf, bf, Wo, bo) };
};

export default reference;
