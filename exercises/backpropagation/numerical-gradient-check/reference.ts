/**
 * The oracle for `numerical-gradient-check`. Two-sided differences with ε = 1e−7 need J to about 16 digits:
 * float32 resolves J only to about 1e−7, so (J⁺ − J⁻)/(2ε) in TensorFlow.js would be noise of order 1. The
 * sensitive step is therefore computed in float64 beside TensorFlow.js: J is evaluated in its softplus form,
 * J = mean(softplus(z) − y·z) with softplus(z) = max(z, 0) + log1p(e^(−|z|)) (not the learner's σ-then-log),
 * and so are the norms. TensorFlow.js's automatic differentiation of the same cost (tf.grad, float32) then
 * vouches for the float64 differences: they must agree with it to float32 accuracy, or the reference throws.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

export const argsSchema = z
  .tuple([
    z.array(z.array(z.number()).min(1)).min(1),
    z.array(z.number()).min(1),
    z.array(z.number()).min(1),
    z.number(),
    z.array(z.number()).min(2),
    z.number().positive(),
  ])
  .refine(([X, y, w, , grad]) => X.length === y.length && X.every((row) => row.length === w.length) && grad.length === w.length + 1, "shapes: X m × n, y m, w n, grad n + 1");

/** The course's threshold for the relative difference at ε = 1e−7. */
export const threshold = 2e-7;

/** J(θ) for θ = [w, b] in float64, from the logits. */
function cost64(X: number[][], y: number[], theta: number[]): number {
  const n = theta.length - 1;
  const losses = X.map((row, i) => {
    const z = row.reduce((sum, x, j) => sum + theta[j]! * x, theta[n]!);
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i]! * z;
  });
  return losses.reduce((sum, l) => sum + l, 0) / X.length;
}

/** ∂J/∂θ by TensorFlow.js's automatic differentiation, float32. */
function autodiffGradient(X: number[][], y: number[], theta: number[]): number[] {
  return tf.tidy(() => {
    const n = theta.length - 1;
    const features = tf.concat([tf.tensor2d(X), tf.ones([X.length, 1])], 1); // [x, 1]·θ = w·x + b
    const labels = tf.tensor2d(y, [y.length, 1]);
    const J = (t: tf.Tensor): tf.Scalar => tf.losses.sigmoidCrossEntropy(labels, tf.matMul(features, t.reshape([n + 1, 1]))) as tf.Scalar;
    return Array.from(tf.grad(J)(tf.tensor1d(theta)).dataSync());
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [X, y, w, b, grad, epsilon] = argsSchema.parse(args);
  const theta = [...w, b];
  const gradapprox = theta.map((_, k) => {
    const shifted = (sign: number): number[] => theta.map((t, i) => (i === k ? t + sign * epsilon : t));
    return (cost64(X, y, shifted(1)) - cost64(X, y, shifted(-1))) / (2 * epsilon);
  });
  const exact = autodiffGradient(X, y, theta);
  exact.forEach((g, k) => {
    if (Math.abs(g - gradapprox[k]!) > 1e-5 + 1e-3 * Math.abs(g)) {
      throw new Error(`numerical-gradient-check reference: float64 difference ${gradapprox[k]} disagrees with tf.grad ${g} at θ[${k}]`);
    }
  });
  const norm = (v: number[]): number => Math.hypot(...v);
  const gaps = grad.map((g, k) => g - gradapprox[k]!);
  const difference = norm(gaps) / (norm(grad) + norm(gradapprox));
  const largest = Math.max(...gaps.map(Math.abs));
  const wrong = difference < threshold ? -1 : gaps.findIndex((gap) => Math.abs(gap) === largest);
  return { gradapprox, difference, wrong };
};

export default reference;
