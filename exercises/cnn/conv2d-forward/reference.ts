/**
 * The oracle: tf.conv2d on the NHWC batch with the [f_h, f_w, c_in, c_out] filter, the stride along both axes and
 * TensorFlow's own 'valid'/'same' padding, then the bias added per output channel.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const tensor4 = z.array(z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1)).min(1);
export const argsSchema = z.tuple([tensor4, tensor4, z.array(z.number()).min(1), z.number().int().positive(), z.enum(["valid", "same"])]);

const reference: ExerciseReference = (...args) => {
  const [A_prev, W, b, stride, padding] = argsSchema.parse(args);
  const Z = tf.tidy(() => tf.conv2d(tf.tensor4d(A_prev), tf.tensor4d(W), stride, padding).add(tf.tensor1d(b)));
  const out = Z.arraySync() as number[][][][];
  Z.dispose();
  return out;
};

export default reference;
