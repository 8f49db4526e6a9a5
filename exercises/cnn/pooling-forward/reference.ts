/**
 * The oracle: tf.maxPool or tf.avgPool on the NHWC batch with an f×f window, the stride along both axes and
 * TensorFlow's 'valid'/'same' padding (for 'same', TensorFlow's average divides by the number of input values
 * in the window, not by f·f).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z.tuple([
  z.array(z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1)).min(1),
  z.number().int().positive(),
  z.number().int().positive(),
  z.enum(["max", "average"]),
  z.enum(["valid", "same"]),
]);

const reference: ExerciseReference = (...args) => {
  const [A_prev, f, stride, mode, padding] = argsSchema.parse(args);
  const pool = mode === "max" ? tf.maxPool : tf.avgPool;
  const A = tf.tidy(() => pool(tf.tensor4d(A_prev), f, stride, padding));
  const out = A.arraySync() as number[][][][];
  A.dispose();
  return out;
};

export default reference;
