/**
 * The oracle: tf.sigmoid of z and of −z (g(−z) = 1 − g(z), computed without subtracting from 1). The cases keep
 * |z| ≤ 80 or |z| ≥ 750: in between, g(z) for negative z falls below float32's smallest normal number (1.2e-38)
 * while float64 still resolves it, and a relative comparison would reject a correct float64 learner.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z.tuple([z.array(z.number()).min(1)]);

const reference: ExerciseReference = (...args) => {
  const [values] = argsSchema.parse(args);
  const [g, complement] = tf.tidy(() => {
    const logits = tf.tensor1d(values);
    return [tf.sigmoid(logits), tf.sigmoid(tf.neg(logits))];
  });
  const result = { g: g!.arraySync() as number[], one_minus_g: complement!.arraySync() as number[] };
  tf.dispose([g!, complement!]);
  return result;
};

export default reference;
