/**
 * The oracle: f = tf.sigmoid(X·w + b) and ŷ = tf.greaterEqual(f, threshold). The cases keep every f at least 1e-3
 * away from the threshold, except examples exactly on the boundary z = 0 with threshold 0.5, where float32 and
 * float64 both give f = 0.5 exactly — so the comparison of ≥ never hangs on a rounding error.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([z.array(z.array(z.number()).min(1)).min(1), z.array(z.number()).min(1), z.number(), z.number().gt(0).lt(1)])
  .refine(([X, w]) => X.every((row) => row.length === w.length), "every row of X needs one value per weight");

const reference: ExerciseReference = (...args) => {
  const [X, w, b, threshold] = argsSchema.parse(args);
  const [f, yHat] = tf.tidy(() => {
    const probabilities = tf.sigmoid(tf.matMul(tf.tensor2d(X), tf.tensor2d(w, [w.length, 1])).reshape([-1]).add(b));
    return [probabilities, tf.cast(tf.greaterEqual(probabilities, threshold), "float32")];
  });
  const result = { probabilities: f!.arraySync() as number[], predictions: yHat!.arraySync() as number[] };
  tf.dispose([f!, yHat!]);
  return result;
};

export default reference;
