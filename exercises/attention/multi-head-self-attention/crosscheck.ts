/**
 * There is no multi-head attention layer in TensorFlow.js, so the cross-check proves the per-head reference
 * against the batched formulation libraries use (d2l's transpose_qkv / transpose_output): Q = X W_Q reshaped to
 * [n, h, d_k] and transposed to [h, n, d_k] (head i = columns [i·d_k, (i+1)·d_k)), one batched
 * softmax(Q Kᵀ / √d_k) V over the h heads, transposed back to [n, h, d_k], reshaped to [n, d_model] (head 1's
 * columns first) and multiplied by W_O. Agreement shows the column split and the concatenation order.
 */
import { tf } from "../../lib/tf";
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { multiHeadReference, type MhaOutput } from "./reference";

export function batchedMultiHead(X: number[][], WQ: number[][], WK: number[][], WV: number[][], WO: number[][], h: number): MhaOutput {
  const n = X.length;
  const dModel = WQ.length;
  const dk = dModel / h;
  return tf.tidy(() => {
    const x = tf.tensor2d(X);
    const split = (W: number[][]) => tf.transpose(tf.reshape(tf.matMul(x, tf.tensor2d(W)), [n, h, dk]), [1, 0, 2]); // [h, n, d_k]
    const [Q, K, V] = [WQ, WK, WV].map(split);
    const A = tf.softmax(tf.div(tf.matMul(Q!, K!, false, true), Math.sqrt(dk))); // [h, n, n], over the keys
    const merged = tf.reshape(tf.transpose(tf.matMul(A, V!), [1, 0, 2]), [n, dModel]);
    return { weights: A.arraySync() as number[][][], output: tf.matMul(merged, tf.tensor2d(WO)).arraySync() as number[][] };
  });
}

const maxAbs = (a: number[], b: number[]): number => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

const gridded = (rng: Rng, std: number) => () => Math.round(rng.normal(0, std) * 64) / 64;

const crossCheck: CrossCheck = (seed) => {
  const configs = [
    { n: 4, dModel: 6, h: 3 },
    { n: 5, dModel: 8, h: 2 },
    { n: 3, dModel: 8, h: 4 },
  ];
  return configs.map(({ n, dModel, h }, index): CrossCheckResult => {
    const rng = createRng(caseSeed(seed, index));
    const std = 1 / Math.sqrt(dModel);
    const X = rng.matrix(n, dModel, gridded(rng, 1));
    const [WQ, WK, WV, WO] = [0, 1, 2, 3].map(() => rng.matrix(dModel, dModel, gridded(rng, 1.5 * std)));
    const perHead = multiHeadReference(X, WQ!, WK!, WV!, WO!, h);
    const batched = batchedMultiHead(X, WQ!, WK!, WV!, WO!, h);
    const maxAbsError = Math.max(maxAbs(perHead.weights.flat(2), batched.weights.flat(2)), maxAbs(perHead.output.flat(), batched.output.flat()));
    return { name: `batched [h, n, d_k] matMul vs per-head slices (n=${n}, d_model=${dModel}, h=${h})`, maxAbsError, tolerance: 1e-5 };
  });
};

export default crossCheck;
