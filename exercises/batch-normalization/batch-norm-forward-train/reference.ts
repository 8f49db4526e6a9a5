/**
 * The oracle: tf.moments over the batch axis (biased variance), tf.batchNorm for (z − μ)/√(σ² + ε)·γ + β, and
 * the running averages momentum·running + (1 − momentum)·batch. crosscheck.ts proves the same numbers come out
 * of tf.layers.batchNormalization called in training mode.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const vector = z.array(z.number()).min(1);
export const argsSchema = z.tuple([z.array(vector).min(1), vector, vector, z.number().positive(), vector, vector.refine((v) => v.every((x) => x >= 0)), z.number().min(0).lt(1)]);

const reference: ExerciseReference = (...args) => {
  const [Z, gamma, beta, epsilon, runningMean, runningVar, momentum] = argsSchema.parse(args);
  const [normalised, mean, variance] = tf.tidy(() => {
    const batch = tf.tensor2d(Z);
    const { mean, variance } = tf.moments(batch, 0);
    return [tf.batchNorm(batch, mean, variance, tf.tensor1d(beta), tf.tensor1d(gamma), epsilon), mean, variance];
  });
  const mu = mean!.arraySync() as number[];
  const sigma2 = variance!.arraySync() as number[];
  const Z_tilde = normalised!.arraySync() as number[][];
  tf.dispose([normalised!, mean!, variance!]);
  return {
    Z_tilde,
    mu,
    sigma2,
    runningMean: runningMean.map((r, j) => momentum * r + (1 - momentum) * mu[j]!),
    runningVar: runningVar.map((r, j) => momentum * r + (1 - momentum) * sigma2[j]!),
  };
};

export default reference;
