/**
 * The oracle: tf.batchNorm with the running statistics as its mean and variance. crosscheck.ts proves that
 * tf.layers.batchNormalization in inference mode, its weights set to [γ, β, running mean, running variance], gives
 * the same numbers.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const vector = z.array(z.number()).min(1);
export const argsSchema = z.tuple([z.array(vector).min(1), vector, vector, vector, vector.refine((v) => v.every((x) => x >= 0)), z.number().positive()]);

const reference: ExerciseReference = (...args) => {
  const [Z, gamma, beta, runningMean, runningVar, epsilon] = argsSchema.parse(args);
  const normalised = tf.tidy(() =>
    tf.batchNorm(tf.tensor2d(Z), tf.tensor1d(runningMean), tf.tensor1d(runningVar), tf.tensor1d(beta), tf.tensor1d(gamma), epsilon),
  );
  const Z_tilde = normalised.arraySync() as number[][];
  normalised.dispose();
  return Z_tilde;
};

export default reference;
