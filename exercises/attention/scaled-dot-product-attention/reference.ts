/**
 * The oracle for `scaled-dot-product-attention`: softmax(Q Kᵀ / √d_k + M) V with TensorFlow.js ops, where M is
 * −∞ at every masked (query, key) pair — a padded key, or with `causal` a key after the query — and 0 elsewhere.
 * The mask is applied with tf.where before tf.softmax, which runs over the last axis: the keys of each query.
 *
 * Every row keeps at least one key (the cases always make the first key real, and a causal query i sees keys
 * 0 … i), so the softmax never meets a row of −∞ only; the reference rejects such a row rather than return NaN.
 * Float32 resolves the cases: Q and K are on the 1/8 grid, and where the scores reach the hundreds (the "large
 * scores" case) d_k is 4 or 16, so Q Kᵀ and its division by √d_k are exact in float32.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const sdpaArgsSchema = z.tuple([matrix, matrix, matrix, z.array(z.union([z.literal(0), z.literal(1)])), z.boolean()]);

/** allowed[i][j]: query i may attend to key j. */
export function allowedPairs(nq: number, keyMask: number[], causal: boolean): boolean[][] {
  return Array.from({ length: nq }, (_, i) => keyMask.map((m, j) => m === 1 && (!causal || j <= i)));
}

export function attention(Q: number[][], K: number[][], V: number[][], allowed: boolean[][]): { weights: number[][]; output: number[][] } {
  if (allowed.some((row) => !row.includes(true))) throw new Error("a query has every key masked: its softmax is undefined");
  const dk = K[0]!.length;
  return tf.tidy(() => {
    const scores = tf.div(tf.matMul(tf.tensor2d(Q), tf.tensor2d(K), false, true), Math.sqrt(dk));
    const masked = tf.where(tf.tensor2d(allowed, undefined, "bool"), scores, tf.fill(scores.shape, -Infinity));
    const weights = tf.softmax(masked); // over the last axis: the keys of each query
    const output = tf.matMul(weights, tf.tensor2d(V));
    return { weights: weights.arraySync() as number[][], output: output.arraySync() as number[][] };
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [Q, K, V, keyMask, causal] = sdpaArgsSchema.parse(args);
  if (K.length !== V.length || keyMask.length !== K.length) throw new Error("K, V and keyMask need one entry per key");
  if (causal && Q.length !== K.length) throw new Error("a causal mask needs as many queries as keys");
  return { ...attention(Q, K, V, allowedPairs(Q.length, keyMask, causal)) };
};

export default reference;
