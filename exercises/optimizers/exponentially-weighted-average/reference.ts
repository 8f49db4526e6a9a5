/**
 * The oracle for `exponentially-weighted-average`, from the closed form rather than the recursion:
 *   v_t = (1 − β) Σ_{k ≤ t} β^(t−k) θ_k,
 * i.e. v = (1 − β)·Wθ with the lower-triangular W_tk = β^(t−k), built and applied with tf ops (tf.pow,
 * tf.linalg.bandPart, tf.matMul). Two steps are computed in float64 beside TensorFlow.js, because float32
 * cannot resolve them for β close to 1: 1 − β (0.999 is stored in float32 as 0.99900001…, which makes 1 − β
 * wrong by 1e−5 relative) and the correction 1 − β^t (for β = 0.999, t = 3 float32 loses about 1e−5 relative).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

export const argsSchema = z.tuple([z.array(z.number()).min(1), z.number().min(0).lt(1)]);

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [theta, beta] = argsSchema.parse(args);
  const T = theta.length;
  const oneMinusBeta = 1 - beta; // float64
  const correction = Array.from({ length: T }, (_, i) => 1 - beta ** (i + 1)); // float64
  return tf.tidy(() => {
    const steps = tf.range(0, T, 1, "float32");
    const lags = tf.sub(steps.reshape([T, 1]), steps.reshape([1, T])); // t − k
    const lowerTriangle = tf.linalg.bandPart(tf.ones([T, T]), -1, 0); // k ≤ t
    // β^(t−k) below the diagonal; above it the lags are negative and masked out (β may be 0).
    const weights = tf.mul(tf.pow(tf.scalar(beta), tf.relu(lags)), lowerTriangle);
    const v = tf.mul(tf.scalar(oneMinusBeta), tf.matMul(weights, tf.tensor2d(theta, [T, 1]))).reshape([T]);
    const vCorrected = tf.div(v, tf.tensor1d(correction));
    return { v: v.arraySync() as number[], vCorrected: vCorrected.arraySync() as number[] };
  });
};

export default reference;
