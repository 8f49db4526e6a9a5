/**
 * Proves the reference's convention against TensorFlow.js's own losses: tf.losses.softmaxCrossEntropy with
 * one-hot labels, the logits log ŷ (softmax(log ŷ) = ŷ, since every row of ŷ sums to 1) and weights = mask gives
 * each step's −log ŷ<t>[y<t>] masked (reduction NONE, summed over time: sequenceLoss) and the masked mean per real
 * step (reduction SUM_BY_NONZERO_WEIGHTS, the library's default: meanLoss).
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import { argsSchema, sequenceLossReference } from "./reference";

const crossCheck: CrossCheck = (seed) =>
  generate(seed).flatMap((c): CrossCheckResult[] => {
    const [yHat, y, mask] = argsSchema.parse(c.args);
    const expected = sequenceLossReference(yHat, y, mask);
    const classes = yHat[0]![0]!.length;
    const [perSequence, mean] = tf.tidy(() => {
      const labels = tf.oneHot(tf.tensor2d(y, undefined, "int32"), classes);
      const logits = tf.log(tf.tensor3d(yHat));
      const weights = tf.tensor2d(mask);
      const steps = tf.losses.softmaxCrossEntropy(labels, logits, weights, 0, tf.Reduction.NONE);
      const average = tf.losses.softmaxCrossEntropy(labels, logits, weights, 0, tf.Reduction.SUM_BY_NONZERO_WEIGHTS);
      return [tf.sum(steps, 1).arraySync() as number[], average.arraySync() as number];
    });
    return [
      {
        name: `tf.losses.softmaxCrossEntropy (weights = mask, reduction NONE) summed over time: sequenceLoss, ${c.name}`,
        maxAbsError: Math.max(...expected.sequenceLoss.map((v, i) => Math.abs(v - perSequence[i]!))),
        tolerance: 1e-5,
      },
      {
        name: `tf.losses.softmaxCrossEntropy (weights = mask, SUM_BY_NONZERO_WEIGHTS): meanLoss, ${c.name}`,
        maxAbsError: Math.abs(expected.meanLoss - mean),
        tolerance: 1e-5,
      },
    ];
  });

export default crossCheck;
