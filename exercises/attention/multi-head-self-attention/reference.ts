/**
 * The oracle for `multi-head-self-attention`, one head at a time with TensorFlow.js ops (d2l's layout, rows are
 * tokens): Q = X W_Q, K = X W_K, V = X W_V; head i takes columns [i·d_k, (i+1)·d_k) of each, computes
 * softmax(Q_i K_iᵀ / √d_k) V_i; the heads are concatenated along the columns in order and multiplied by W_O.
 * No biases, as in d2l's MultiHeadAttention (bias=False) and the Transformer paper. The cross-check computes the
 * same thing in one batched formulation (reshape to [n, h, d_k], transpose to [h, n, d_k], batched matMul).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const mhaArgsSchema = z.tuple([matrix, matrix, matrix, matrix, matrix, z.number().int().min(1)]);

export interface MhaOutput {
  weights: number[][][];
  output: number[][];
}

export function multiHeadReference(X: number[][], WQ: number[][], WK: number[][], WV: number[][], WO: number[][], h: number): MhaOutput {
  const dModel = WQ.length;
  if (dModel % h !== 0) throw new Error(`d_model = ${dModel} is not a multiple of h = ${h}`);
  const dk = dModel / h;
  const n = X.length;
  return tf.tidy(() => {
    const x = tf.tensor2d(X);
    const [Q, K, V] = [WQ, WK, WV].map((W) => tf.matMul(x, tf.tensor2d(W)));
    const weights: tf.Tensor2D[] = [];
    const heads: tf.Tensor2D[] = [];
    for (let i = 0; i < h; i++) {
      const [Qi, Ki, Vi] = [Q, K, V].map((M) => tf.slice(M!, [0, i * dk], [n, dk]));
      const A = tf.softmax(tf.div(tf.matMul(Qi!, Ki!, false, true), Math.sqrt(dk))) as tf.Tensor2D;
      weights.push(A);
      heads.push(tf.matMul(A, Vi!));
    }
    const output = tf.matMul(tf.concat(heads, 1), tf.tensor2d(WO));
    return { weights: weights.map((A) => A.arraySync()), output: output.arraySync() as number[][] };
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [X, WQ, WK, WV, WO, h] = mhaArgsSchema.parse(args);
  return { ...multiHeadReference(X, WQ, WK, WV, WO, h) };
};

export default reference;
