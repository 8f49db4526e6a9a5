/**
 * The oracle: tf.conv1d on the [m, n, c_in] batch (the time/position axis in the middle, channels last) with the
 * [f, c_in, c_out] filter, the stride and TensorFlow's own 'valid'/'same' padding, then the bias added per output
 * channel.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const tensor3 = z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1);
export const argsSchema = z.tuple([tensor3, tensor3, z.array(z.number()).min(1), z.number().int().positive(), z.enum(["valid", "same"])]);

export function conv1dForwardReference(A_prev: number[][][], W: number[][][], b: number[], stride: number, padding: "valid" | "same"): number[][][] {
  const Z = tf.tidy(() => tf.conv1d(tf.tensor3d(A_prev), tf.tensor3d(W), stride, padding).add(tf.tensor1d(b)));
  const out = Z.arraySync() as number[][][];
  Z.dispose();
  return out;
}

const reference: ExerciseReference = (...args) => conv1dForwardReference(...argsSchema.parse(args));

export default reference;
