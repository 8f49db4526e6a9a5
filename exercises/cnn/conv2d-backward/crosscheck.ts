/**
 * The reference differentiates through tf.conv2d with tf.grads, so TensorFlow's own backward kernels produce it.
 * The cross-check uses only the forward convolution: J = Σ dZ ⊙ Z is linear in A_prev and in W, so a gradient
 * entry is exactly how much J changes when that one entry goes up by 1.
 *   dA_prev: for each example, one tf.conv2d over a batch of one-hot images (one per input entry) gives every
 *            change at once: dA[i][p] = Σ dZ[i] ⊙ conv(e_p, W).
 *   dW:      a tf.conv2d with one-hot filters (one output channel per filter entry) lists every window ("im2col"),
 *            and dW = windowsᵀ · dZ: dW[p][k] = Σ_{i,h,w} window[i][h][w][p] · dZ[i][h][w][k].
 *   db:      Z depends on b_k with coefficient 1 at every position, so db = Σ dZ over examples and positions.
 * It also shows that dA_prev is the transposed convolution of dZ (tf.conv2dTranspose with the same W, stride and
 * padding). Every value sits on a 1/64 grid and every sum is exact in float32, hence the tolerance 1e-5.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import { argsSchema, conv2dBackwardReference } from "./reference";

/** A batch of one-hot tensors of `shape` (one per entry), shape [entries, ...shape]. */
const oneHots = (shape: number[]): tf.Tensor => {
  const entries = shape.reduce((a, b) => a * b, 1);
  return tf.eye(entries).reshape([entries, ...shape]);
};

function maxAbs(a: tf.Tensor, b: tf.Tensor): number {
  if (a.rank !== b.rank || a.shape.some((d, k) => d !== b.shape[k])) return Infinity;
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).arraySync() as number);
}

const crossCheck: CrossCheck = (seed) =>
  generate(seed).flatMap((c): CrossCheckResult[] => {
    const [dZ, A_prev, W, b, stride, padding] = argsSchema.parse(c.args);
    const expected = conv2dBackwardReference(dZ, A_prev, W, b, stride, padding);
    const [fh, fw, cIn, cOut] = [W.length, W[0]!.length, W[0]![0]!.length, b.length];
    const errors = tf.tidy(() => {
      const upstream = tf.tensor4d(dZ);
      const A = tf.tensor4d(A_prev);
      const filters = tf.tensor4d(W);
      const imageShape = A.shape.slice(1);
      const dA = tf.stack(
        A_prev.map((_, i) => {
          const changes = tf.conv2d(oneHots(imageShape) as tf.Tensor4D, filters, stride, padding);
          return changes.mul(upstream.slice([i], [1])).sum([1, 2, 3]).reshape(imageShape);
        }),
      );
      const windows = tf.conv2d(A, oneHots([fh, fw, cIn]).reshape([fh * fw * cIn, fh, fw, cIn]).transpose([1, 2, 3, 0]) as tf.Tensor4D, stride, padding);
      const dW = tf.matMul(windows.reshape([-1, fh * fw * cIn]), upstream.reshape([-1, cOut]), true, false).reshape([fh, fw, cIn, cOut]);
      const db = upstream.sum([0, 1, 2]);
      const transposed = tf.conv2dTranspose(upstream, filters, A.shape, stride, padding);
      return {
        linear: Math.max(maxAbs(dA, tf.tensor4d(expected.dA_prev)), maxAbs(dW, tf.tensor4d(expected.dW)), maxAbs(db, tf.tensor1d(expected.db))),
        transposed: maxAbs(transposed, tf.tensor4d(expected.dA_prev)),
      };
    });
    return [
      { name: `one-hot changes through the forward tf.conv2d vs reference (dA_prev, dW, db): ${c.name}`, maxAbsError: errors.linear, tolerance: 1e-5 },
      { name: `tf.conv2dTranspose(dZ, W) vs reference dA_prev: ${c.name}`, maxAbsError: errors.transposed, tolerance: 1e-5 },
    ];
  });

export default crossCheck;
