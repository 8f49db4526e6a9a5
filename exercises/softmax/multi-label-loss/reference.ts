/**
 * The oracle: A = tf.sigmoid(Z), one sigmoid per label, and J = mean over examples of the sum over labels of
 * relu(z) − z·y + log1p(e^{−|z|}) (the stable binary cross-entropy from logits). crosscheck.ts proves that J is
 * K times tf.losses.sigmoidCrossEntropy, which averages over every label of every example (as Keras's
 * BinaryCrossentropy averages over the last axis).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const matrix = <T extends z.ZodTypeAny>(element: T) => z.array(z.array(element).min(1)).min(1);

export const argsSchema = z
  .tuple([matrix(z.number()), matrix(z.union([z.literal(0), z.literal(1)]))])
  .refine(([Z, Y]) => Z.length === Y.length && Z.every((row, i) => row.length === Z[0]!.length && Y[i]!.length === row.length), "Z and Y must both be m×K");

const reference: ExerciseReference = (...args) => {
  const [Z, Y] = argsSchema.parse(args);
  const [A, J] = tf.tidy(() => {
    const logits = tf.tensor2d(Z);
    const labels = tf.tensor2d(Y);
    const perLabel = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    return [tf.sigmoid(logits), tf.mean(tf.sum(perLabel, 1))];
  });
  const result = { A: A!.arraySync() as number[][], J: J!.arraySync() as number };
  A!.dispose();
  J!.dispose();
  return result;
};

export default reference;
