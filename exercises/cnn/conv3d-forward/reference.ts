/**
 * The oracle: TensorFlow's 'same' rule applied with tf.pad (along each axis n_out = ⌈n/s⌉, total padding
 * P = max((n_out − 1)·s + f − n, 0), ⌊P/2⌋ before and the rest after), then tf.conv3d with 'valid' on the NDHWC
 * batch and the [f_d, f_h, f_w, c_in, c_out] filter, the stride along all three axes, and the bias added per output
 * channel.
 *
 * Why not tf.conv3d(…, 'same') directly: TensorFlow.js 4.22 computes conv3d's 'same' padding without the max(·, 0)
 * (conv_util's get3DPadAndOutInfo; tensorflow/tfjs-core#1581 added the clamp to the 2D path only), so where a
 * filter is shorter than the stride and the raw total is negative it pads −1 before the input and shifts every
 * window by one. TensorFlow itself, Keras, and
 * tf.conv2d/conv1d in TensorFlow.js all clamp at 0; so do this reference and the statement.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const tensor5 = z.array(z.array(z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1)).min(1)).min(1);
export const argsSchema = z.tuple([tensor5, tensor5, z.array(z.number()).min(1), z.number().int().positive(), z.enum(["valid", "same"])]);

export type Tensor5 = number[][][][][];

/** TensorFlow's 'same' padding along one axis of length n: zeros [before, after]. */
export function samePadding(n: number, f: number, stride: number): [number, number] {
  const total = Math.max((Math.ceil(n / stride) - 1) * stride + f - n, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

export function conv3dForwardReference(A_prev: Tensor5, W: Tensor5, b: number[], stride: number, padding: "valid" | "same"): Tensor5 {
  const Z = tf.tidy(() => {
    const input = tf.tensor5d(A_prev);
    const filters = tf.tensor5d(W);
    const [, nD, nH, nW] = input.shape;
    const [fd, fh, fw] = filters.shape;
    const padded =
      padding === "same"
        ? tf.pad(input, [[0, 0], samePadding(nD, fd, stride), samePadding(nH, fh, stride), samePadding(nW, fw, stride), [0, 0]])
        : input;
    return tf.conv3d(padded, filters, stride, "valid").add(tf.tensor1d(b));
  });
  const out = Z.arraySync() as Tensor5;
  Z.dispose();
  return out;
}

const reference: ExerciseReference = (...args) => conv3dForwardReference(...argsSchema.parse(args));

export default reference;
