/**
 * Proves the penalty's convention against TensorFlow.js's own tf.regularizers.l2, the `kernel_regularizer=L2(…)`
 * of the notes: Keras adds l2·Σw² with no 1/(2m), so the notes' λ/(2m)·‖W‖² is l2 = λ/(2m). The reference's
 * gradient with λ minus its gradient with λ = 0 (the penalty's share) must equal tf.grad of
 * tf.regularizers.l2({ l2: λ/(2m) }).apply(W) for both weight matrices; the biases' shares must be 0.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema, type Gradients } from "./reference";

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [X, Y, W1, b1, W2, b2, lambda] = argsSchema.parse(c.args);
    const m = X[0]!.length;
    const withPenalty = reference(X, Y, W1, b1, W2, b2, lambda) as unknown as Gradients;
    const without = reference(X, Y, W1, b1, W2, b2, 0) as unknown as Gradients;
    const regularizer = tf.regularizers.l2({ l2: lambda / (2 * m) });
    const zeros = (M: number[][]): number[][] => M.map((row) => row.map(() => 0));
    // With l2 = 0 tfjs's regularizer returns a constant 0, which tf.grad cannot differentiate.
    const kerasGradient = (W: number[][]): number[][] =>
      lambda === 0
        ? zeros(W)
        : tf.tidy(() => tf.grad((w: tf.Tensor) => regularizer.apply(w) as tf.Scalar)(tf.tensor2d(W)).arraySync() as number[][]);
    let maxAbsError = 0;
    let largest = 0;
    const compare = (a: number[][], b: number[][], c0: number[][]): void =>
      a.forEach((row, i) =>
        row.forEach((v, j) => {
          largest = Math.max(largest, Math.abs(c0[i]![j]!));
          maxAbsError = Math.max(maxAbsError, Math.abs(v - b[i]![j]! - c0[i]![j]!));
        }),
      );
    compare(withPenalty.dW1, without.dW1, kerasGradient(W1));
    compare(withPenalty.dW2, without.dW2, kerasGradient(W2));
    compare(withPenalty.db1, without.db1, zeros(b1));
    compare(withPenalty.db2, without.db2, zeros(b2));
    return { name: `tf.regularizers.l2({ l2: λ/(2m) }) gradient: ${c.name}`, maxAbsError, tolerance: 1e-5 * Math.max(1, largest) };
  });

export default crossCheck;
