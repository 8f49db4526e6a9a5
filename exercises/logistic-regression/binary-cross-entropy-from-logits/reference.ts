/**
 * The oracle: mean of relu(z) − z·y + log1p(e^{−|z|}) with TensorFlow.js ops, the form TensorFlow's own
 * sigmoid_cross_entropy_with_logits uses. crosscheck.ts proves it equals tf.losses.sigmoidCrossEntropy.
 * Logits on a 1/8 grid are exact in float32, and at |z| = 1000 every term is exact: relu(1000) = 1000,
 * e^{−1000} = 0.
 */
import { z as zod } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = zod
  .tuple([zod.array(zod.number()).min(1), zod.array(zod.union([zod.literal(0), zod.literal(1)])).min(1)])
  .refine(([z, y]) => z.length === y.length, "z and y must have one entry per example");

const reference: ExerciseReference = (...args) => {
  const [z, y] = argsSchema.parse(args);
  const loss = tf.tidy(() => {
    const logits = tf.tensor1d(z);
    const labels = tf.tensor1d(y);
    const perExample = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    return tf.mean(perExample);
  });
  const value = loss.arraySync() as number;
  loss.dispose();
  return value;
};

export default reference;
