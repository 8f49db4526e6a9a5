/**
 * The oracle. For each training-set size k, the regularised least-squares fit on the first k examples,
 * min_{w,b} Σ_{i<k} (w·x⁽ⁱ⁾ + b − y⁽ⁱ⁾)² + λ‖w‖² (b not regularised), is the plain least-squares problem of the
 * design [X_k | 1] stacked on [√λ·I | 0] with targets [y_k; 0]; it is solved by TensorFlow.js's QR with float64
 * refinement (../../lib/least-squares), never by the normal equations the learner writes. The errors
 * J = 1/(2m)·Σ (f − y)², without the penalty, are TensorFlow.js ops (tf.losses.meanSquaredError / 2) on the
 * fitted parameters.
 */
import { z } from "zod";
import { solveLeastSquares } from "../../lib/least-squares";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z
  .tuple([matrix, z.array(z.number()).min(1), matrix, z.array(z.number()).min(1), z.number().nonnegative(), z.array(z.number().int().positive()).min(1)])
  .refine(([X, y]) => X.length === y.length, "X_train and y_train need one row per example")
  .refine(([, , Xc, yc]) => Xc.length === yc.length, "X_cv and y_cv need one row per example")
  .refine(([X, , , , , sizes]) => sizes.every((k) => k <= X.length), "every size must be at most the number of training examples");

/** J = 1/(2m)·Σ (w·x + b − y)² in float32 TensorFlow.js ops. */
function halfMeanSquaredError(X: number[][], y: number[], w: number[], b: number): number {
  const cost = tf.tidy(() => {
    const predictions = tf.add(tf.matMul(tf.tensor2d(X), tf.tensor2d(w, [w.length, 1])).reshape([-1]), b);
    return tf.div(tf.losses.meanSquaredError(tf.tensor1d(y), predictions), 2);
  });
  const value = cost.arraySync() as number;
  cost.dispose();
  return value;
}

const reference: ExerciseReference = (...args) => {
  const [X_train, y_train, X_cv, y_cv, lambda, sizes] = argsSchema.parse(args);
  const n = X_train[0]!.length;
  const J_train: number[] = [];
  const J_cv: number[] = [];
  for (const k of sizes) {
    const design = X_train.slice(0, k).map((row) => [...row, 1]);
    const targets = y_train.slice(0, k);
    if (lambda > 0) {
      for (let j = 0; j < n; j++) {
        design.push(Array.from({ length: n + 1 }, (_, c) => (c === j ? Math.sqrt(lambda) : 0)));
        targets.push(0);
      }
    }
    const theta = solveLeastSquares(design, targets);
    if (!theta) throw new Error(`the fit on the first ${k} examples is not unique (λ = 0 needs k ≥ n + 1 examples in general position)`);
    const w = theta.slice(0, n);
    const b = theta[n]!;
    J_train.push(halfMeanSquaredError(X_train.slice(0, k), y_train.slice(0, k), w, b));
    J_cv.push(halfMeanSquaredError(X_cv, y_cv, w, b));
  }
  return { J_train, J_cv };
};

export default reference;
