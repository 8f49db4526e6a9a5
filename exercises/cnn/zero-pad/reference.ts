/**
 * The oracle: tf.pad with paddings [[0, 0], [pad, pad], [pad, pad], [0, 0]] on the NHWC batch, i.e. nothing on
 * the batch and channel axes, `pad` zeros before and after along height and width.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z.tuple([
  z.array(z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1)).min(1),
  z.number().int().nonnegative(),
]);

const reference: ExerciseReference = (...args) => {
  const [X, pad] = argsSchema.parse(args);
  const padded = tf.tidy(() =>
    tf.pad(tf.tensor4d(X), [
      [0, 0],
      [pad, pad],
      [pad, pad],
      [0, 0],
    ]),
  );
  const out = padded.arraySync() as number[][][][];
  padded.dispose();
  return out;
};

export default reference;
