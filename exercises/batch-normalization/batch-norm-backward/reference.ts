/**
 * The oracle: tf.grads differentiates J = Σ dz̃ ⊙ z̃(Z, γ, β), where z̃ is batch norm's training forward pass written
 * with tf.moments over the batch axis (biased variance) — so the gradients flow through μ and σ² automatically and
 * the reference never states the backward formula.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z.tuple([matrix, matrix, z.array(z.number()).min(1), z.number().positive()]);

const reference: ExerciseReference = (...args) => {
  const [dZ_tilde, Z, gamma, epsilon] = argsSchema.parse(args);
  const [dZ, dgamma, dbeta] = tf.tidy(() => {
    const upstream = tf.tensor2d(dZ_tilde);
    const objective = (z: tf.Tensor, scale: tf.Tensor, shift: tf.Tensor): tf.Tensor => {
      const { mean, variance } = tf.moments(z, 0);
      const normalised = z.sub(mean).div(variance.add(epsilon).sqrt());
      return normalised.mul(scale).add(shift).mul(upstream).sum();
    };
    return tf.grads(objective)([tf.tensor2d(Z), tf.tensor1d(gamma), tf.zeros([gamma.length])]);
  });
  const result = { dZ: dZ!.arraySync() as number[][], dgamma: dgamma!.arraySync() as number[], dbeta: dbeta!.arraySync() as number[] };
  tf.dispose([dZ!, dgamma!, dbeta!]);
  return result;
};

export default reference;
