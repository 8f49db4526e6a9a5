/**
 * The oracle for `rnn-sequence-loss`, with TensorFlow.js ops: tf.gatherND reads ŷ<t> at the label of every step
 * (m × T_x), −log of it is the step's cross-entropy, the mask zeroes the padding, a sum over the time axis gives
 * each sequence's loss, and the total over the sum of the mask gives the mean per real step. Reading the label's
 * entry (instead of multiplying log ŷ by a one-hot y) keeps a zero probability of another class from turning
 * into 0·(−∞) = NaN. crosscheck.ts compares both outputs with tf.losses.softmaxCrossEntropy weighted by the mask.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const probability = z.number().positive().max(1);
export const argsSchema = z
  .tuple([
    z.array(z.array(z.array(probability).min(1)).min(1)).min(1),
    z.array(z.array(z.number().int().nonnegative()).min(1)).min(1),
    z.array(z.array(z.union([z.literal(0), z.literal(1)])).min(1)).min(1),
  ])
  .refine(([yHat, y, mask]) => y.length === yHat.length && mask.length === yHat.length, "yHat, y and mask need one row per sequence")
  .refine(
    ([yHat, y, mask]) => yHat.every((sequence, i) => y[i]!.length === sequence.length && mask[i]!.length === sequence.length),
    "y[i] and mask[i] need one entry per time step of yHat[i]",
  )
  .refine(([yHat, y]) => y.every((labels, i) => labels.every((label, t) => label < yHat[i]![t]!.length)), "every label must be a class index 0 … n_y − 1")
  .refine(([, , mask]) => mask.some((row) => row.includes(1)), "the mask must keep at least one step");

export function sequenceLossReference(yHat: number[][][], y: number[][], mask: number[][]): { sequenceLoss: number[]; meanLoss: number } {
  return tf.tidy(() => {
    const indices = y.map((labels, i) => labels.map((label, t) => [i, t, label]));
    const picked = tf.gatherND(tf.tensor3d(yHat), tf.tensor3d(indices, undefined, "int32")); // m × T_x
    const weights = tf.tensor2d(mask);
    const stepLoss = tf.mul(tf.neg(tf.log(picked)), weights);
    const sequenceLoss = tf.sum(stepLoss, 1);
    const meanLoss = tf.div(tf.sum(sequenceLoss), tf.sum(weights));
    return { sequenceLoss: sequenceLoss.arraySync() as number[], meanLoss: meanLoss.arraySync() as number };
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [yHat, y, mask] = argsSchema.parse(args);
  return sequenceLossReference(yHat, y, mask);
};

export default reference;
