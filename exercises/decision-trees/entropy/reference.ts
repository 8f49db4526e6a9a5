/**
 * The oracle: H = −Σ p·ln p / ln 2 with TensorFlow.js ops; tf.where puts 0 where p = 0 (0·log 0 = 0), so the
 * NaN of 0·(−∞) in the unselected branch never reaches the sum. Proportions are multiples of 1/64 (exact in
 * float32); float32's log and sum leave H good to about 1e-7, well inside the tolerance.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const proportionsSchema = z
  .array(z.number().min(0).max(1))
  .min(1)
  .refine((p) => Math.abs(p.reduce((s, v) => s + v, 0) - 1) < 1e-9, "class proportions must sum to 1");

/** Entropy in bits of each row of `P` (one node per row), as a float32 tensor. */
export function entropyBits(P: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const terms = tf.where(tf.greater(P, 0), tf.mul(P, tf.log(P)), tf.zerosLike(P));
    return tf.div(tf.neg(tf.sum(terms, 1)), Math.LN2) as tf.Tensor1D;
  });
}

const reference: ExerciseReference = (...args) => {
  const [p] = z.tuple([proportionsSchema]).parse(args);
  const h = tf.tidy(() => entropyBits(tf.tensor2d([p])));
  const value = (h.arraySync() as number[])[0]!;
  h.dispose();
  return value;
};

export default reference;
