/**
 * The oracle for `gru-forward`: the full GRU (with Γr) of the notes' / Ng's convention over m sequences, each
 * from c<0> = 0, with TensorFlow.js ops: `gru-cell`'s step (`gruStep`) applied to x<1>, …, x<T_x> in turn.
 * crosscheck.ts compares every c<t> with `tf.layers.gru` (returnSequences).
 */
import { z } from "zod";
import type { ExerciseReference, Json } from "../../schema";
import { gruStep } from "../gru-cell/reference";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const gruForwardArgsSchema = z.tuple([z.array(matrix).min(1), matrix, vector, matrix, vector, matrix, vector]);

/** c<1>, …, c<T_x> of every sequence of x (m × T_x × n_x): m × T_x × n_c. */
export function gruForwardReference(
  x: number[][][],
  Wc: number[][],
  bc: number[],
  Wu: number[][],
  bu: number[],
  Wr: number[][],
  br: number[],
): number[][][] {
  return x.map((sequence) => {
    let c = bc.map(() => 0); // c<0> = 0 for every sequence
    return sequence.map((xt) => {
      c = gruStep(xt, c, Wc, bc, Wu, bu, Wr, br).cNext;
      return c;
    });
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [x, Wc, bc, Wu, bu, Wr, br] = gruForwardArgsSchema.parse(args);
  return { c: gruForwardReference(x, Wc, bc, Wu, bu, Wr, br) };
};

export default reference;
