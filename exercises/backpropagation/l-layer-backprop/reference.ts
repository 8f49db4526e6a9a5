/**
 * The oracle for `l-layer-backprop`: tf.grads differentiates the mean sigmoid cross-entropy
 * (tf.losses.sigmoidCrossEntropy, from the logits Z[L]) of the L-layer ReLU/sigmoid forward pass with respect to
 * every W[l] and b[l] at once, in Ng's column convention; no backward formula is written here.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z
  .tuple([matrix, matrix, z.array(matrix).min(1), z.array(matrix).min(1)])
  .refine(([, , W, b]) => W.length === b.length, "one b per W");

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [X, Y, W, b] = argsSchema.parse(args);
  const L = W.length;
  return tf.tidy(() => {
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(Y);
    // Parameters in one list: W[0..L−1], then b[0..L−1].
    const cost = (...params: tf.Tensor[]): tf.Scalar => {
      let A: tf.Tensor = x;
      for (let l = 0; l < L; l++) {
        const Zl = tf.add(tf.matMul(params[l] as tf.Tensor2D, A as tf.Tensor2D), params[L + l]!);
        A = l === L - 1 ? Zl : tf.relu(Zl);
      }
      return tf.losses.sigmoidCrossEntropy(y, A) as tf.Scalar;
    };
    const grads = tf.grads(cost)([...W.map((w) => tf.tensor2d(w)), ...b.map((c) => tf.tensor2d(c))]);
    const plain = (t: tf.Tensor | undefined): number[][] => t!.arraySync() as number[][];
    return { dW: grads.slice(0, L).map(plain), db: grads.slice(L).map(plain) };
  });
};

export default reference;
