/**
 * The oracle: TensorFlow.js's sigmoid cross-entropy on the logits z = X·w + b (computed stably from the
 * logits and averaged over the m examples) plus the penalty λ/(2m)·Σ w_j², which leaves b out.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const argsSchema = z.tuple([
  z.array(z.array(z.number()).min(1)).min(1),
  z.array(z.union([z.literal(0), z.literal(1)])).min(1),
  z.array(z.number()).min(1),
  z.number(),
  z.number().nonnegative(),
]);

const reference: ExerciseReference = (...args) => {
  const [X, y, w, b, lambda] = argsSchema.parse(args);
  const m = X.length;
  const cost = tf.tidy(() => {
    const weights = tf.tensor1d(w);
    const logits = tf.matMul(tf.tensor2d(X), weights.reshape([w.length, 1])).reshape([-1]).add(tf.scalar(b));
    const logisticLoss = tf.losses.sigmoidCrossEntropy(tf.tensor1d(y), logits);
    const penalty = tf.sum(tf.square(weights)).mul(tf.scalar(lambda / (2 * m)));
    return logisticLoss.add(penalty);
  });
  const value = cost.arraySync() as number;
  cost.dispose();
  return value;
};

export default reference;
