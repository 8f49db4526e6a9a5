/**
 * The oracle: TensorFlow.js ops. Predictions are tf.greaterEqual(f, threshold); the counts are sums of
 * tf.logicalAnd masks; tf.divNoNan gives 0 wherever a denominator is 0, which is exactly the statement's 0/0
 * convention for precision, recall and F1. crosscheck.ts proves the precision and recall against
 * tf.metrics.precision / tf.metrics.recall.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([z.array(z.number().min(0).max(1)).min(1), z.array(z.union([z.literal(0), z.literal(1)])).min(1), z.number().min(0).max(1)])
  .refine(([f, y]) => f.length === y.length, "probabilities and y need one entry per example");

const reference: ExerciseReference = (...args) => {
  const [probabilities, y, threshold] = argsSchema.parse(args);
  const tensors = tf.tidy(() => {
    const predicted = tf.greaterEqual(tf.tensor1d(probabilities), tf.scalar(threshold));
    const actual = tf.equal(tf.tensor1d(y), tf.scalar(1));
    const count = (mask: tf.Tensor): tf.Tensor => tf.sum(tf.cast(mask, "float32"));
    const tp = count(tf.logicalAnd(predicted, actual));
    const fp = count(tf.logicalAnd(predicted, tf.logicalNot(actual)));
    const fn = count(tf.logicalAnd(tf.logicalNot(predicted), actual));
    const precision = tf.divNoNan(tp, tf.add(tp, fp));
    const recall = tf.divNoNan(tp, tf.add(tp, fn));
    const f1 = tf.divNoNan(tf.mul(2, tf.mul(precision, recall)), tf.add(precision, recall));
    return [tp, fp, fn, precision, recall, f1];
  });
  const [truePositives, falsePositives, falseNegatives, precision, recall, f1] = tensors.map((t) => t.arraySync() as number);
  tensors.forEach((t) => t.dispose());
  return { truePositives: truePositives!, falsePositives: falsePositives!, falseNegatives: falseNegatives!, precision: precision!, recall: recall!, f1: f1! };
};

export default reference;
