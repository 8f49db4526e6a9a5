/**
 * The oracle: −mean_i log softmax(z⁽ⁱ⁾)_{y⁽ⁱ⁾} with tf.logSoftmax, which shifts each row by its maximum before
 * exponentiating (from_logits, as the notes' "改进实现"). tf.losses.softmaxCrossEntropy gives the same mean
 * (see crosscheck.ts) but computes z_y − logSumExp(z) at the logits' magnitude, which in float32 loses digits
 * when |z| ≈ 1000; logSoftmax subtracts the maximum first and keeps them.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([z.array(z.array(z.number()).min(1)).min(1), z.array(z.number().int().nonnegative()).min(1)])
  .refine(([Z, y]) => Z.length === y.length, "Z and y must have one row per example")
  .refine(([Z]) => Z.every((row) => row.length === Z[0]!.length), "every row of Z needs the same number of classes")
  .refine(([Z, y]) => y.every((label) => label < Z[0]!.length), "every label must be a class index 0..N−1");

const reference: ExerciseReference = (...args) => {
  const [Z, y] = argsSchema.parse(args);
  const classes = Z[0]!.length;
  const loss = tf.tidy(() => {
    const logProbabilities = tf.logSoftmax(tf.tensor2d(Z));
    const trueClass = tf.oneHot(tf.tensor1d(y, "int32"), classes);
    return tf.neg(tf.mean(tf.sum(tf.mul(logProbabilities, trueClass), 1)));
  });
  const value = loss.arraySync() as number;
  loss.dispose();
  return value;
};

export default reference;
