/**
 * The oracle, with TensorFlow.js ops on n × m tensors (one example per column): a[l+1] = relu(W[l+1]·a[l] + b[l+1]),
 * z[l+2] = W[l+2]·a[l+1] + b[l+2], a[l+2] = relu(z[l+2] + shortcut), the shortcut being a[l] itself or W_s·a[l].
 * Biases are [n, 1] columns broadcast over the m examples.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const argsSchema = z
  .tuple([matrix, matrix, vector, matrix, vector, matrix.nullable()])
  .refine(([A, W1, b1, W2, b2, Ws]) => {
    const n0 = A.length;
    const n2 = b2.length;
    const shortcutFits = Ws === null ? n2 === n0 : Ws.length === n2 && Ws.every((row) => row.length === n0);
    return W1.length === b1.length && W1.every((row) => row.length === n0) && W2.length === n2 && W2.every((row) => row.length === b1.length) && shortcutFits;
  }, "shapes do not fit: W1 n1×n0, b1 n1, W2 n2×n1, b2 n2, Ws n2×n0 (or null when n2 = n0)");

const reference: ExerciseReference = (...args) => {
  const [A, W1, b1, W2, b2, Ws] = argsSchema.parse(args);
  const out = tf.tidy(() => {
    const a0 = tf.tensor2d(A);
    const column = (b: number[]): tf.Tensor2D => tf.tensor2d(b, [b.length, 1]);
    const a1 = tf.relu(tf.add(tf.matMul(tf.tensor2d(W1), a0), column(b1)));
    const z2 = tf.add(tf.matMul(tf.tensor2d(W2), a1), column(b2));
    const shortcut = Ws === null ? a0 : tf.matMul(tf.tensor2d(Ws), a0);
    return tf.relu(tf.add(z2, shortcut)).arraySync() as number[][];
  });
  return out;
};

export default reference;
