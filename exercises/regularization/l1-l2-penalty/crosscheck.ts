/**
 * Proves the reference's penalties are Keras's: tf.regularizers.l1l2({ l1: λ₁, l2: λ₂ }).apply(W) equals l1 + l2,
 * and each alone equals its part. Also records the convention the reference departs from on purpose: tf.grad of
 * the L1 penalty gives −λ₁ at w = 0 where the statement's subgradient gives 0, so the gradients agree only off
 * zero (checked there).
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const crossCheck: CrossCheck = (seed) =>
  generate(seed).flatMap((c): CrossCheckResult[] => {
    const [W, lambda1, lambda2] = argsSchema.parse(c.args);
    const expected = reference(W, lambda1, lambda2) as { l1: number; l2: number; dl1_dW: number[][] };
    const library = (l1: number, l2: number): number =>
      tf.tidy(() => (tf.regularizers.l1l2({ l1, l2 }).apply(tf.tensor2d(W)).arraySync() as number));
    const both = library(lambda1, lambda2);
    const onlyL1 = library(lambda1, 0);
    const onlyL2 = library(0, lambda2);
    const autodiff = tf.tidy(() => tf.grad((w: tf.Tensor) => tf.sum(tf.abs(w)).mul(lambda1))(tf.tensor2d(W)).arraySync() as number[][]);
    let gradientGap = 0;
    W.forEach((row, i) =>
      row.forEach((w, j) => {
        if (w !== 0) gradientGap = Math.max(gradientGap, Math.abs(autodiff[i]![j]! - expected.dl1_dW[i]![j]!));
      }),
    );
    const scale = 1e-5 * (1 + Math.abs(both));
    return [
      { name: `tf.regularizers.l1l2 vs l1 + l2: ${c.name}`, maxAbsError: Math.abs(both - (expected.l1 + expected.l2)), tolerance: scale },
      { name: `tf.regularizers.l1l2 (L1 only): ${c.name}`, maxAbsError: Math.abs(onlyL1 - expected.l1), tolerance: scale },
      { name: `tf.regularizers.l1l2 (L2 only): ${c.name}`, maxAbsError: Math.abs(onlyL2 - expected.l2), tolerance: scale },
      { name: `tf.grad of λ₁Σ|w| vs λ₁·sign(w) off zero: ${c.name}`, maxAbsError: gradientGap, tolerance: 1e-7 },
    ];
  });

export default crossCheck;
