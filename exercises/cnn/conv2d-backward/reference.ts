/**
 * The oracle: tf.grads differentiates J = Σ dZ ⊙ Z with Z = tf.conv2d(A_prev, W, stride, padding) + b, so the
 * gradients with respect to A_prev, W and b are exactly the upstream dZ pushed back through TensorFlow's own
 * convolution ('valid' or 'same' with its padding rule) — the reference never states the backward formula.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const tensor4 = z.array(z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1)).min(1);
export const argsSchema = z.tuple([tensor4, tensor4, tensor4, z.array(z.number()).min(1), z.number().int().positive(), z.enum(["valid", "same"])]);

export type Conv2dGradients = { dA_prev: number[][][][]; dW: number[][][][]; db: number[] };

export function conv2dBackwardReference(
  dZ: number[][][][],
  A_prev: number[][][][],
  W: number[][][][],
  b: number[],
  stride: number,
  padding: "valid" | "same",
): Conv2dGradients {
  const [dA, dW, db] = tf.tidy(() => {
    const upstream = tf.tensor4d(dZ);
    const objective = (a: tf.Tensor, w: tf.Tensor, bias: tf.Tensor): tf.Tensor =>
      tf.conv2d(a as tf.Tensor4D, w as tf.Tensor4D, stride, padding).add(bias).mul(upstream).sum();
    return tf.grads(objective)([tf.tensor4d(A_prev), tf.tensor4d(W), tf.tensor1d(b)]);
  });
  const result = { dA_prev: dA!.arraySync() as number[][][][], dW: dW!.arraySync() as number[][][][], db: db!.arraySync() as number[] };
  tf.dispose([dA!, dW!, db!]);
  return result;
}

const reference: ExerciseReference = (...args) => conv2dBackwardReference(...argsSchema.parse(args));

export default reference;
